import { EPCIS } from 'virtual:drome-territories';

/** Links to the territory reports the API serves under /reports (HTML, PDF, CSV; docs/reports.md). */
export function RapportsView() {
  return (
    <section>
      <h1 tabIndex={-1}>Rapports de territoire</h1>
      <p>
        Les rapports (acteurs, part EGalim des cuisines, approvisionnement local, besoins couverts, risques) sont produits par le service.
        Voir aussi <a href="/reports">la liste complète des rapports</a>.
      </p>
      <h2>Département</h2>
      <ul>
        <li>
          <a href="/reports/department/26">Drôme</a> (<a href="/reports/department/26/report.pdf">PDF</a>,{' '}
          <a href="/reports/department/26/report.csv">CSV</a>)
        </li>
      </ul>
      <h2>Intercommunalités (EPCI)</h2>
      <ul className="columns-list">
        {EPCIS.map((epci) => (
          <li key={epci.siren}>
            <a href={`/reports/epci/${epci.siren}`}>{epci.name}</a> (<a href={`/reports/epci/${epci.siren}/report.pdf`}>PDF</a>,{' '}
            <a href={`/reports/epci/${epci.siren}/report.csv`}>CSV</a>)
          </li>
        ))}
      </ul>
    </section>
  );
}
