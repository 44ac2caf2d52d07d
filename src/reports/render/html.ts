import type {
  ActionSection,
  CateringSection,
  CoverageSection,
  EgalimFigures,
  FoodSystemSection,
  LocalSupplyFigures,
  LocalSupplySection,
  ReportActor,
  ReportDefinitions,
  RiskSection,
  TerritoryReport,
} from '../report.type';
import { ReportTerritoryKind } from '../report.type';
import { barChartSvg } from './charts';
import { escapeXml as x, formatDate, formatDecimal, formatEuros, formatInteger, formatQuantity, formatShare, NO_FIGURE } from './format';
import { territoryMapSvg, type LegendEntry } from './map';
import { REPORT_CSS } from './style';
import { coverageFr, INTEGRITY_BREAK_NAMES_FR, mainRoleFr, ROLE_NAMES_FR, TERRITORY_KINDS_FR, UNIT_SYMBOLS_FR } from './vocabulary';

/**
 * The territory report as one self-contained French HTML document: styles inline, charts and map
 * as inline SVG, no script, no font or image from anywhere (the Content-Security-Policy the
 * server sends with it forbids them, and the tests check that the page makes no request).
 */

/** Text shown for a figure withheld by the secret statistique. */
const WITHHELD = 'secret statistique';

/** A row of a table: cells already escaped HTML. */
type Cells = string[];

function table(caption: string, headers: string[], rows: Cells[], numericFrom = 1): string {
  if (rows.length === 0) return `<p class="empty">${x(caption)} : aucune donnée.</p>`;
  const th = headers.map((h, i) => `<th scope="col"${i >= numericFrom ? ' class="num"' : ''}>${x(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><caption>${x(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function figure(svg: string, caption: string): string {
  return `<figure class="chart-figure">${svg}<figcaption>${x(caption)}</figcaption></figure>`;
}

function keyFigures(items: [label: string, value: string][]): string {
  return `<dl class="key-figures">${items.map(([label, value]) => `<div><dt>${x(label)}</dt><dd>${x(value)}</dd></div>`).join('')}</dl>`;
}

/** A definition as a sentence: one final full stop, whether the data ends it with one or not. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function actorName(actor: ReportActor | null | undefined): string {
  if (!actor) return NO_FIGURE;
  return x(actor.name) + (actor.communeName ? ` <span class="muted">(${x(actor.communeName)})</span>` : '');
}

// ── Cover ─────────────────────────────────────────────────────────────────────────────────────

function cover(report: TerritoryReport): string {
  const t = report.territory;
  const facts: [string, string][] = [
    ['Territoire', `${TERRITORY_KINDS_FR[t.kind]} ${t.name} (${t.code})`],
    ['Année', String(report.year)],
    ['Communes', formatInteger(t.communeInsees.length)],
    ['Population', t.population === null ? NO_FIGURE : `${formatInteger(t.population)} habitants`],
    ['Données du graphe au', formatDate(report.dataDate)],
    ['Rapport produit le', formatDate(report.generatedAt)],
  ];
  const noData = report.hasData
    ? ''
    : `<p class="notice" role="status">Aucune donnée pour ce territoire en ${report.year} : aucun acteur du territoire n'a d'offre, de besoin ni d'échange enregistré dans Maillon. ` +
      'Les sections ci-dessous sont vides ; ce n’est pas une erreur.</p>';
  return `<header class="cover">
<p class="overline">Club Drômois de l'Alimentation · Maillon</p>
<h1>Le système alimentaire du territoire<br><span class="territory-name">${x(t.name)}</span></h1>
<p class="subtitle">Rapport ${report.year} pour les élus et les projets alimentaires territoriaux</p>
${keyFigures(facts)}
${noData}
<nav class="toc" aria-label="Sommaire"><ol>
<li><a href="#systeme">Le système alimentaire du territoire</a></li>
<li><a href="#restauration">Restauration collective</a></li>
<li><a href="#local">Approvisionnement local</a></li>
<li><a href="#couverture">Couverture des besoins</a></li>
<li><a href="#risques">Risques</a></li>
<li><a href="#pistes">Pistes d'action</a></li>
<li><a href="#methodes">Méthodes</a></li>
</ol></nav>
<p class="definition">« Local » : ${x(sentence(report.definitions.local))} Circuit court : ${x(sentence(report.definitions.circuitCourt))}</p>
</header>`;
}

// ── 1. Le système alimentaire ─────────────────────────────────────────────────────────────────

async function foodSystemSection(report: TerritoryReport): Promise<string> {
  const s: FoodSystemSection = report.foodSystem;
  const t = report.territory;
  const located = s.actors.filter((a) => a.latitude !== null && a.longitude !== null);
  const map = territoryMapSvg({
    communeInsees: t.communeInsees,
    wholeDepartment: t.kind === ReportTerritoryKind.DEPARTMENT && t.code === '26',
    points: located.map((a) => ({ latitude: a.latitude!, longitude: a.longitude!, category: mainRoleFr(a.roles) })),
    title: `Carte des acteurs de ${t.name}`,
  });
  const roles = s.actorsByRole.map((r) => ({ label: ROLE_NAMES_FR[r.role], value: r.count }));
  const rolesChart = roles.length
    ? figure(
        await barChartSvg({ title: 'Acteurs par rôle', axisTitle: "nombre d'acteurs", bars: roles, format: ',.0f' }),
        'Un acteur qui a deux rôles (une ferme qui fait du fromage) compte dans les deux.',
      )
    : '';
  const valued = s.productionByFamily.filter((f) => !f.withheld && f.valueEur !== null);
  const productionChart = valued.length
    ? figure(
        await barChartSvg({
          title: 'Ventes des producteurs du territoire par filière (€ HT)',
          axisTitle: '€ HT dans l’année',
          bars: aggregateBy(
            valued,
            (f) => f.familyName,
            (f) => f.valueEur ?? 0,
          ),
          format: ',.0f',
        }),
        'Valeur des ventes de l’année par les producteurs situés dans le territoire, d’après les liens d’approvisionnement.',
      )
    : '';
  const production = table(
    'Production par filière (ventes de l’année)',
    ['Filière', 'Unité', 'Producteurs', 'Liens', 'Volume vendu', 'Valeur (€ HT)'],
    s.productionByFamily.map((f) => [
      x(f.familyName),
      x(UNIT_SYMBOLS_FR[f.unit]),
      formatInteger(f.producers),
      formatInteger(f.links),
      f.withheld ? WITHHELD : x(formatQuantity(f.volume, UNIT_SYMBOLS_FR[f.unit], 0)),
      f.withheld ? WITHHELD : x(formatEuros(f.valueEur)),
    ]),
    2,
  );
  const transformed = table(
    'Ce qui est transformé ici',
    ['Produit', 'Filière', 'Transformateurs', 'Volume vendu'],
    s.transformed.map((p) => [
      x(p.product.name),
      x(p.product.family ? familyLabel(report, p.product.family) : ''),
      formatInteger(p.processors),
      p.withheld ? WITHHELD : x(formatQuantity(p.volume, UNIT_SYMBOLS_FR[p.unit], 0)),
    ]),
    2,
  );
  return `<section id="systeme" class="report-section">
<h2><span class="num">1</span> Le système alimentaire du territoire</h2>
${keyFigures([
  ['Acteurs situés dans le territoire', formatInteger(s.actorCount)],
  ['Rôles représentés', formatInteger(s.actorsByRole.length)],
  ['Filières en production', formatInteger(new Set(s.productionByFamily.map((f) => f.family)).size)],
  ['Produits transformés ici', formatInteger(s.transformed.length)],
])}
<figure class="map-figure">${map.svg}${mapLegend(map.legend)}<figcaption>${x(map.caption)}</figcaption></figure>
${rolesChart}
${productionChart}
${production}
${transformed}
</section>`;
}

function mapLegend(entries: LegendEntry[]): string {
  if (entries.length === 0) return '';
  const items = entries.map(
    (e) => `<li><span class="dot" style="background:${x(e.colour)}"></span>${x(e.label)} (${formatInteger(e.count)})</li>`,
  );
  return `<ul class="map-legend" aria-label="Légende de la carte">${items.join('')}</ul>`;
}

function familyLabel(report: TerritoryReport, family: string): string {
  const known = [...report.foodSystem.productionByFamily, ...(report.catering.total?.byFamily ?? []), ...report.coverage.byFamily].find(
    (f) => f.family === family,
  );
  return known?.familyName ?? family;
}

/** Sums `value` by `label` (a family sold in two units appears once in a chart of euros). */
function aggregateBy<T>(items: T[], label: (item: T) => string, value: (item: T) => number): { label: string; value: number }[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(label(item), (sums.get(label(item)) ?? 0) + value(item));
  return [...sums.entries()].map(([l, v]) => ({ label: l, value: v }));
}

// ── 2. Restauration collective ────────────────────────────────────────────────────────────────

function egalimTable(caption: string, f: EgalimFigures, definitions: ReportDefinitions): string {
  const t = definitions.egalimTargets;
  return table(
    caption,
    ['Objectif EGalim', 'Valeur (€ HT)', 'Part', 'Cible', 'Écart à combler (€ HT)'],
    [
      ['Achats de l’année', x(formatEuros(f.purchaseValueEur)), '', '', ''],
      [
        'Produits durables et de qualité (bio inclus)',
        x(formatEuros(f.qualityValueEur)),
        x(formatShare(f.qualityShare)),
        x(formatShare(t.quality, 0)),
        x(formatEuros(f.qualityGapEur)),
      ],
      [
        'dont bio',
        x(formatEuros(f.organicValueEur)),
        x(formatShare(f.organicShare)),
        x(formatShare(t.organic, 0)),
        x(formatEuros(f.organicGapEur)),
      ],
      [
        'Viandes et produits de la mer : durables et de qualité',
        x(formatEuros(f.meatFishQualityValueEur)) + ` <span class="muted">sur ${x(formatEuros(f.meatFishValueEur))}</span>`,
        x(formatShare(f.meatFishQualityShare)),
        x(formatShare(t.meatFish, 0)),
        x(formatEuros(f.meatFishGapEur)),
      ],
      ['Achats via Agrilocal', x(formatEuros(f.agrilocalValueEur)), x(formatShare(f.agrilocalShare)), '', ''],
    ],
  );
}

async function cateringSection(report: TerritoryReport): Promise<string> {
  const s: CateringSection = report.catering;
  const targets = report.definitions.egalimTargets;
  let total = '';
  if (s.totalWithheld) {
    total = `<p class="notice">Le total des cuisines du territoire est couvert par le secret statistique : moins de ${report.definitions.minContributors} cuisines privées y contribuent en plus des cuisines publiques.</p>`;
  } else if (s.total) {
    const byFamily = s.total.byFamily.flatMap((f) => [
      { label: f.familyName, value: f.qualityShare ?? 0, series: 'Durables et de qualité' },
      { label: f.familyName, value: f.organicShare ?? 0, series: 'dont bio' },
    ]);
    const chart = byFamily.length
      ? figure(
          await barChartSvg({
            title: 'Parts EGalim par famille d’achats (toutes cuisines du territoire)',
            axisTitle: 'part de la valeur d’achat HT',
            bars: byFamily,
            format: '.0%',
            targets: [
              { value: targets.organic, label: `bio ${formatShare(targets.organic, 0)}` },
              { value: targets.quality, label: `qualité ${formatShare(targets.quality, 0)}` },
            ],
          }),
          `Familles d’achats de ma-cantine. Traits rouges : cibles EGalim (${formatShare(targets.quality, 0)} de produits durables et de qualité dont ${formatShare(targets.organic, 0)} de bio ; ${formatShare(targets.meatFish, 0)} pour les viandes et produits de la mer).`,
        )
      : '';
    total =
      egalimTable('Toutes les cuisines du territoire', s.total, report.definitions) +
      chart +
      table(
        'Par famille d’achats de ma-cantine',
        ['Famille', 'Achats (€ HT)', 'Durables et de qualité', 'Part', 'Bio', 'Part'],
        s.total.byFamily.map((f) => [
          x(f.familyName),
          x(formatEuros(f.purchaseValueEur)),
          x(formatEuros(f.qualityValueEur)),
          x(formatShare(f.qualityShare)),
          x(formatEuros(f.organicValueEur)),
          x(formatShare(f.organicShare)),
        ]),
      );
  } else {
    total = '<p class="empty">Aucune cuisine collective dans le territoire.</p>';
  }
  const kitchenChart = s.kitchens.length
    ? figure(
        await barChartSvg({
          title: 'Parts EGalim par cuisine publique',
          axisTitle: 'part de la valeur d’achat HT',
          bars: s.kitchens.flatMap((k) => [
            { label: k.kitchen.name, value: k.figures.qualityShare ?? 0, series: 'Durables et de qualité' },
            { label: k.kitchen.name, value: k.figures.organicShare ?? 0, series: 'dont bio' },
          ]),
          format: '.0%',
          targets: [
            { value: targets.organic, label: formatShare(targets.organic, 0) },
            { value: targets.quality, label: formatShare(targets.quality, 0) },
          ],
        }),
        'Chaque cuisine d’un acheteur public (ses parts EGalim sont publiques sur ma-cantine).',
      )
    : '';
  const kitchens = table(
    'Cuisines des acheteurs publics',
    ['Cuisine', 'Achats (€ HT)', 'Qualité', 'Bio', 'Viandes et poissons', 'Agrilocal', 'Écart qualité (€)', 'Écart bio (€)'],
    s.kitchens.map((k) => [
      actorName(k.kitchen),
      x(formatEuros(k.figures.purchaseValueEur)),
      x(formatShare(k.figures.qualityShare)),
      x(formatShare(k.figures.organicShare)),
      x(formatShare(k.figures.meatFishQualityShare)),
      x(formatShare(k.figures.agrilocalShare)),
      x(formatEuros(k.figures.qualityGapEur)),
      x(formatEuros(k.figures.organicGapEur)),
    ]),
  );
  return `<section id="restauration" class="report-section">
<h2><span class="num">2</span> Restauration collective</h2>
${keyFigures([
  ['Cuisines collectives', formatInteger(s.kitchenCount)],
  ['dont acheteurs publics', formatInteger(s.publicKitchenCount)],
  ['Part durable et de qualité', s.total ? formatShare(s.total.qualityShare) : s.totalWithheld ? WITHHELD : NO_FIGURE],
  ['Part bio', s.total ? formatShare(s.total.organicShare) : s.totalWithheld ? WITHHELD : NO_FIGURE],
  ['Part achetée via Agrilocal', s.total ? formatShare(s.total.agrilocalShare) : s.totalWithheld ? WITHHELD : NO_FIGURE],
])}
${total}
${kitchenChart}
${kitchens}
</section>`;
}

// ── 3. Approvisionnement local ────────────────────────────────────────────────────────────────

function localRows(label: string, f: LocalSupplyFigures): Cells {
  // Purchases of too few buyers, one of them private, are withheld: their euros read 0, shares null.
  const hidden = (text: string) => (f.withheld ? WITHHELD : x(text));
  return [
    x(label),
    formatInteger(f.buyers),
    formatInteger(f.links),
    hidden(formatEuros(f.purchaseValueEur)),
    hidden(formatShare(f.localShare)),
    hidden(formatShare(f.circuitCourtShare)),
    hidden(f.weightedDistanceKm === null ? NO_FIGURE : `${formatDecimal(f.weightedDistanceKm, 1)} km`),
    hidden(formatShare(f.outsideShare)),
  ];
}

async function localSupplySection(report: TerritoryReport): Promise<string> {
  const s: LocalSupplySection = report.localSupply;
  const bars = [
    ['Tous les acheteurs du territoire', s.all],
    ['Cuisines collectives', s.kitchens],
  ].flatMap(([label, f]) => {
    const figures = f as LocalSupplyFigures;
    if (figures.withheld || figures.purchaseValueEur <= 0) return [];
    return [
      { label: label as string, value: figures.localShare ?? 0, series: 'Local' },
      { label: label as string, value: figures.circuitCourtShare ?? 0, series: 'Circuit court' },
      { label: label as string, value: figures.outsideShare ?? 0, series: 'Hors du territoire' },
    ];
  });
  const chart = bars.length
    ? figure(
        await barChartSvg({
          title: 'Provenance des achats (part de la valeur HT)',
          axisTitle: 'part de la valeur d’achat HT',
          bars,
          format: '.0%',
        }),
        `Local : ${sentence(report.definitions.local)} Circuit court : au plus ${report.definitions.circuitCourtMaxIntermediaries} intermédiaire.`,
      )
    : '';
  return `<section id="local" class="report-section">
<h2><span class="num">3</span> Approvisionnement local</h2>
<p class="definition">Définition appliquée (rayon de ${formatDecimal(report.definitions.localRadiusKm, 0)} km) : ${x(sentence(report.definitions.local))} ${x(sentence(report.definitions.circuitCourt))}</p>
${table(
  'Achats de l’année',
  [
    '',
    'Acheteurs',
    'Liens',
    'Achats (€ HT)',
    'Part locale',
    'Part en circuit court',
    'Distance moyenne pondérée',
    'Part hors du territoire',
  ],
  [localRows('Tous les acteurs du territoire', s.all), localRows('Cuisines collectives', s.kitchens)],
)}
${chart}
</section>`;
}

// ── 4. Couverture des besoins ─────────────────────────────────────────────────────────────────

async function coverageSection(report: TerritoryReport): Promise<string> {
  const s: CoverageSection = report.coverage;
  const shown = s.byFamily.filter((f) => !f.withheld && f.coverageShare !== null);
  const chart = shown.length
    ? figure(
        await barChartSvg({
          title: 'Besoins déclarés couverts, par famille',
          axisTitle: 'part du volume déclaré',
          bars: shown.flatMap((f) => [
            { label: `${f.familyName} (${UNIT_SYMBOLS_FR[f.unit]})`, value: f.coverageShare ?? 0, series: 'Couverts' },
            {
              label: `${f.familyName} (${UNIT_SYMBOLS_FR[f.unit]})`,
              value: f.localCoverageShare ?? 0,
              series: 'dont par des fournisseurs locaux',
            },
          ]),
          format: '.0%',
        }),
        'Chaque besoin compte au plus pour son volume : un besoin couvert deux fois ne compte qu’une fois.',
      )
    : '';
  return `<section id="couverture" class="report-section">
<h2><span class="num">4</span> Couverture des besoins</h2>
${keyFigures([
  ['Besoins déclarés', formatInteger(s.needs)],
  ['entièrement couverts', formatInteger(s.coveredNeeds)],
  ['couverts en partie', formatInteger(s.partialNeeds)],
  ['sans fournisseur', formatInteger(s.unmetNeeds)],
])}
${chart}
${table(
  'Besoins par famille de produits',
  ['Famille', 'Unité', 'Besoins', 'Acheteurs', 'Volume déclaré', 'Couvert', 'Couvert localement', 'Part couverte', 'Part locale'],
  s.byFamily.map((f) => {
    const unit = UNIT_SYMBOLS_FR[f.unit];
    const v = (value: number | null) => (f.withheld ? WITHHELD : x(formatQuantity(value, unit, 0)));
    return [
      x(f.familyName),
      x(unit),
      formatInteger(f.needs),
      formatInteger(f.buyers),
      v(f.needVolume),
      v(f.coveredVolume),
      v(f.localCoveredVolume),
      f.withheld ? WITHHELD : x(formatShare(f.coverageShare)),
      f.withheld ? WITHHELD : x(formatShare(f.localCoverageShare)),
    ];
  }),
  2,
)}
</section>`;
}

// ── 5. Risques ────────────────────────────────────────────────────────────────────────────────

function riskSection(report: TerritoryReport): string {
  const s: RiskSection = report.risks;
  const integrity = s.labelIntegrity;
  return `<section id="risques" class="report-section">
<h2><span class="num">5</span> Risques</h2>
${keyFigures([
  ['Besoins examinés', formatInteger(s.checkedNeeds)],
  ['couverts au moins en partie', formatInteger(s.coveredNeeds)],
  ['tenus par un seul fournisseur', formatInteger(s.singleSupplierNeeds.length)],
  ['Liens bio vérifiés', formatInteger(integrity.checked)],
  ['ruptures de la chaîne bio', formatInteger(integrity.broken)],
])}
${table(
  'Fournisseurs dont la perte découvrirait le plus de besoins',
  ['Fournisseur', 'Besoins touchés', 'Acheteurs touchés', 'Volume découvert'],
  s.criticalActors.map((c) => [
    actorName(c.actor),
    formatInteger(c.needsAffected),
    formatInteger(c.buyersAffected),
    c.volumesWithheld
      ? WITHHELD
      : x(c.uncoveredVolumes.map((v) => formatQuantity(v.volume, UNIT_SYMBOLS_FR[v.unit], 0)).join(' ; ') || NO_FIGURE),
  ]),
)}
${table(
  'Besoins tenus par un seul fournisseur',
  ['Acheteur', 'Produit', 'Seul fournisseur', 'Volume annuel'],
  s.singleSupplierNeeds.map((n) => [
    actorName(n.buyer),
    x(n.product.name),
    actorName(n.supplier),
    n.volume === null ? '<span class="muted">acheteur privé : non publié</span>' : x(formatQuantity(n.volume, UNIT_SYMBOLS_FR[n.unit], 0)),
  ]),
  3,
)}
${table(
  'Ruptures de la chaîne bio (un intrant non bio, un aliment du bétail conventionnel, un opérateur non certifié)',
  ['Rupture', 'Vendeur', 'Produit vendu bio', 'Intrant non bio', 'Fournisseur de l’intrant', 'Profondeur'],
  integrity.breaks.map((b) => [
    x(INTEGRITY_BREAK_NAMES_FR[b.kind]),
    actorName(b.seller),
    x(b.product.name),
    x(b.breakProduct?.name ?? NO_FIGURE),
    actorName(b.breakSupplier),
    formatInteger(b.depth),
  ]),
  4,
)}
${integrity.unknownProvenance > 0 ? `<p>${formatInteger(integrity.unknownProvenance)} lien(s) bio vendus par un revendeur qui ne déclare pas sa provenance : intégrité inconnue.</p>` : ''}
</section>`;
}

// ── 6. Pistes d'action ────────────────────────────────────────────────────────────────────────

function actionSection(report: TerritoryReport): string {
  const s: ActionSection = report.actions;
  return `<section id="pistes" class="report-section">
<h2><span class="num">6</span> Pistes d'action</h2>
<p>Les besoins non couverts ou couverts en partie, avec les fournisseurs locaux qui pourraient y répondre (mise en relation par le club).</p>
${keyFigures([
  ['Besoins non couverts', formatInteger(s.unmetNeeds)],
  ['Besoins couverts en partie', formatInteger(s.partialNeeds)],
  ['avec au moins un fournisseur local candidat', formatInteger(s.needsWithCandidates)],
])}
${table(
  'Mises en relation possibles',
  ['Acheteur', 'Besoin', 'État', 'Reste à trouver', 'Fournisseurs locaux candidats'],
  s.actions.map((a) => [
    actorName(a.buyer),
    x(a.product.name) + (a.requiredLabelIds.length ? ` <span class="muted">(${x(a.requiredLabelIds.join(', '))})</span>` : ''),
    x(coverageFr(a.coverage)),
    a.gap === null ? '<span class="muted">non publié</span>' : x(formatQuantity(a.gap, UNIT_SYMBOLS_FR[a.unit], 0)),
    a.candidates.length === 0
      ? '<span class="muted">aucun</span>'
      : `<ul class="candidates">${a.candidates
          .map(
            (c) =>
              `<li>${actorName(c.supplier)} : ${x(c.product.name)}, ${x(formatDecimal(c.distanceKm, 0))} km, ` +
              `${c.intermediaries === 0 ? 'en direct' : `${c.intermediaries} intermédiaire${c.intermediaries > 1 ? 's' : ''}`}` +
              `${c.labelIds.length ? ` (${x(c.labelIds.join(', '))})` : ''}</li>`,
          )
          .join('')}</ul>`,
  ]),
  5,
)}
</section>`;
}

// ── 7. Méthodes ───────────────────────────────────────────────────────────────────────────────

function methodsSection(report: TerritoryReport): string {
  const d = report.definitions;
  const definitions: [string, string][] = [
    ['Local', `${d.local} (rayon : ${formatDecimal(d.localRadiusKm, 0)} km)`],
    ['Circuit court', `${d.circuitCourt} (au plus ${d.circuitCourtMaxIntermediaries} intermédiaire)`],
    ['Année', d.year],
    ['Cuisines et acheteurs publics', d.kitchens],
    ['Labels', d.labels],
    [
      'Cibles EGalim',
      `${formatShare(d.egalimTargets.quality, 0)} de produits durables et de qualité, dont ${formatShare(d.egalimTargets.organic, 0)} de bio ; ${formatShare(d.egalimTargets.meatFish, 0)} pour les viandes et produits de la mer (valeur d’achat HT de l’année civile).`,
    ],
    ['Secret statistique', `Un agrégat de moins de ${d.minContributors} acteurs privés n’est pas publié.`],
    ['Date des données', formatDate(report.dataDate)],
  ];
  return `<section id="methodes" class="report-section">
<h2><span class="num">7</span> Méthodes</h2>
<p>Chaque chiffre de ce rapport est défini ci-dessous, de sorte qu’on puisse le vérifier à la main ; le fichier CSV joint donne chaque indicateur avec le champ de l’API GraphQL <code>territoryReport</code> dont il vient.</p>
<dl class="definitions">${definitions.map(([t, v]) => `<dt>${x(t)}</dt><dd>${x(v)}</dd>`).join('')}</dl>
<h3>Les indicateurs</h3>
<dl class="definitions">${report.methods.map((m) => `<dt>${x(m.title)} <span class="muted">(${x(m.key)})</span></dt><dd>${x(m.definition)}</dd>`).join('')}</dl>
<h3>Sources</h3>
<ul>${report.sources.map((s) => `<li>${x(s)}</li>`).join('')}</ul>
</section>`;
}

/** The whole report as a self-contained French HTML document. */
export async function renderReportHtml(report: TerritoryReport): Promise<string> {
  const t = report.territory;
  const sections = await Promise.all([
    foodSystemSection(report),
    cateringSection(report),
    localSupplySection(report),
    coverageSection(report),
  ]);
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Maillon">
<title>Rapport alimentaire ${report.year} : ${x(t.name)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
${cover(report)}
${sections.join('\n')}
${riskSection(report)}
${actionSection(report)}
${methodsSection(report)}
</main>
<footer><p>Maillon, graphe des filières alimentaires de la Drôme · Club Drômois de l'Alimentation · ${x(TERRITORY_KINDS_FR[t.kind])} ${x(t.name)} (${x(t.code)}) · ${report.year} · données au ${x(formatDate(report.dataDate))}</p></footer>
</body>
</html>
`;
}
