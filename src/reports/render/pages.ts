import { escapeXml as x } from './format';
import { REPORT_CSS } from './style';

/** The small HTML pages around the reports: the index the club's staff click through, and errors. */

export interface ReportLink {
  /** Path of the HTML report, e.g. /reports/epci/200068781. */
  path: string;
  name: string;
  /** A line under the name (kind, code, population...). */
  detail: string;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${x(title)}</title>
<style>${REPORT_CSS}
ul.reports { list-style: none; padding: 0; }
ul.reports li { border-bottom: 1px solid var(--line); padding: 2mm 0; }
ul.reports .formats { font-size: 9pt; }
</style>
</head>
<body><main>
${body}
</main></body>
</html>
`;
}

function linkItem(link: ReportLink): string {
  return `<li><a href="${x(link.path)}">${x(link.name)}</a> <span class="muted">${x(link.detail)}</span>
<span class="formats">· <a href="${x(link.path)}/report.pdf">PDF</a> · <a href="${x(link.path)}/report.csv">CSV</a></span></li>`;
}

/**
 * /reports: the department and each of its EPCIs, with their three formats, and how to ask for a
 * commune or another year (the address, since the page carries no script).
 */
export function reportIndexHtml(department: ReportLink | null, epcis: ReportLink[], year: number): string {
  return page(
    'Rapports territoriaux · Maillon',
    `<p class="overline">Club Drômois de l'Alimentation · Maillon</p>
<h1>Rapports territoriaux</h1>
<p>Le système alimentaire d’un territoire en un document : acteurs et carte, restauration collective et EGalim, approvisionnement local, couverture des besoins, risques, pistes d’action et méthodes. Chaque rapport existe en HTML, en PDF (pour l’impression A4) et en CSV (pour un tableur).</p>
<h2>Le département</h2>
${department ? `<ul class="reports">${linkItem(department)}</ul>` : '<p class="empty">Le département n’est pas dans le graphe.</p>'}
<h2>Les intercommunalités de la Drôme (${epcis.length})</h2>
${epcis.length ? `<ul class="reports">${epcis.map(linkItem).join('\n')}</ul>` : '<p class="empty">Aucune intercommunalité dans le graphe.</p>'}
<h2>Une commune, une autre année</h2>
<p>Une commune : <code>/reports/commune/&lt;code INSEE&gt;</code>, par exemple <a href="/reports/commune/26362">/reports/commune/26362</a> (Valence). Une autre année : ajouter <code>?year=AAAA</code> (par défaut ${year}).</p>`,
  );
}

/** An error answered to a browser: the status, a French sentence, a way back; never a stack or a path of the server. */
export function errorPageHtml(status: number, title: string, message: string): string {
  return page(
    `${title} · Maillon`,
    `<p class="overline">Erreur ${status}</p>
<h1>${x(title)}</h1>
<p>${x(message)}</p>
<p><a href="/reports">Retour à la liste des rapports</a></p>`,
  );
}
