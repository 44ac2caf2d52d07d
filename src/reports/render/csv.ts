import type { ReportActor, ReportProduct, TerritoryReport } from '../report.type';
import { INTEGRITY_BREAK_NAMES_FR, ROLE_NAMES_FR, UNIT_SYMBOLS_FR } from './vocabulary';
import type { ActorRole, VolumeUnit } from '../../records';
import type { IntegrityBreakKind } from '../../reasoning';

/**
 * The report's CSV: one row per indicator and breakdown, for Excel in French (`;` separator, decimal
 * comma, UTF-8 with a byte-order mark, CRLF line ends). Every number of the GraphQL answer appears,
 * with the path of its field in `territoryReport` (« Champ de l'API »), so an analyst can join the
 * two and the tests can check that nothing is left out. Directory facts (actors' coordinates) are
 * not indicators and are left out.
 */

export const CSV_HEADERS = ['Section', 'Indicateur', 'Ventilation', 'Valeur', 'Unité', "Champ de l'API"] as const;

export interface CsvRow {
  section: string;
  indicator: string;
  breakdown: string;
  /** The figure, or the reason it is missing (« secret statistique », « sans objet »). */
  value: number | string;
  unit: string;
  field: string;
}

const SECTIONS: [key: keyof TerritoryReport, title: string][] = [
  ['definitions', 'Définitions'],
  ['foodSystem', '1. Le système alimentaire du territoire'],
  ['catering', '2. Restauration collective'],
  ['localSupply', '3. Approvisionnement local'],
  ['coverage', '4. Couverture des besoins'],
  ['risks', '5. Risques'],
  ['actions', "6. Pistes d'action"],
];

/** French names of the numeric fields (the report's field names are English). */
const INDICATORS_FR: Record<string, string> = {
  localRadiusKm: 'Rayon du « local »',
  circuitCourtMaxIntermediaries: 'Intermédiaires au plus en circuit court',
  quality: 'Cible EGalim : produits durables et de qualité',
  organic: 'Cible EGalim : produits bio',
  meatFish: 'Cible EGalim : viandes et produits de la mer durables et de qualité',
  minContributors: 'Seuil du secret statistique (acteurs privés)',
  actorCount: 'Acteurs situés dans le territoire',
  count: 'Acteurs',
  producers: 'Producteurs',
  processors: 'Transformateurs',
  links: 'Liens d’approvisionnement comptés',
  linksWithoutValue: 'Liens sans valeur déclarée',
  volume: 'Volume',
  valueEur: 'Valeur des ventes',
  kitchenCount: 'Cuisines collectives',
  publicKitchenCount: 'Cuisines d’acheteurs publics',
  purchaseValueEur: 'Achats',
  qualityValueEur: 'Achats durables et de qualité (bio inclus)',
  qualityShare: 'Part durable et de qualité',
  qualityGapEur: 'Écart à la cible qualité',
  organicValueEur: 'Achats bio',
  organicShare: 'Part bio',
  organicGapEur: 'Écart à la cible bio',
  meatFishValueEur: 'Achats de viandes et produits de la mer',
  meatFishQualityValueEur: 'dont durables et de qualité',
  meatFishQualityShare: 'Part durable et de qualité des viandes et produits de la mer',
  meatFishGapEur: 'Écart à la cible viandes et produits de la mer',
  agrilocalValueEur: 'Achats via Agrilocal',
  agrilocalShare: 'Part achetée via Agrilocal',
  localValueEur: 'Achats à des fournisseurs locaux',
  localShare: 'Part locale',
  circuitCourtValueEur: 'Achats en circuit court',
  circuitCourtShare: 'Part en circuit court',
  weightedDistanceKm: 'Distance moyenne pondérée par le volume',
  outsideValueEur: 'Achats hors du territoire',
  outsideShare: 'Part hors du territoire',
  needs: 'Besoins déclarés',
  coveredNeeds: 'Besoins couverts',
  partialNeeds: 'Besoins couverts en partie',
  unmetNeeds: 'Besoins non couverts',
  buyers: 'Acheteurs',
  needVolume: 'Volume déclaré',
  coveredVolume: 'Volume couvert',
  localCoveredVolume: 'Volume couvert par des fournisseurs locaux',
  coverageShare: 'Part couverte',
  localCoverageShare: 'Part couverte localement',
  checkedNeeds: 'Besoins examinés',
  needsAffected: 'Besoins touchés',
  buyersAffected: 'Acheteurs touchés',
  checked: 'Liens bio vérifiés',
  broken: 'Liens bio avec une rupture en amont',
  unknownProvenance: 'Liens bio de provenance inconnue',
  depth: 'Profondeur de la rupture (liens)',
  gap: 'Volume restant à trouver',
  distanceKm: 'Distance à l’acheteur',
  intermediaries: 'Intermédiaires',
  needsWithCandidates: 'Besoins avec au moins un fournisseur candidat',
  total: 'Total des cuisines du territoire',
};

/** Fields that are not indicators: an actor's or product's directory facts, and counts of the map. */
const SKIPPED = new Set(['latitude', 'longitude', 'population', 'actors', 'methods']);
/** Objects that identify a row rather than hold indicators. */
const IDENTITIES = new Set(['kitchen', 'buyer', 'supplier', 'seller', 'breakSupplier', 'product', 'breakProduct', 'actor', 'territory']);

function unitOf(field: string, item: Record<string, unknown>): string {
  if (/(ValueEur|GapEur)$/.test(field) || field === 'valueEur') return '€ HT';
  if (/Share$/.test(field) || ['quality', 'organic', 'meatFish'].includes(field)) return '%';
  if (/Km$/.test(field)) return 'km';
  if (/[vV]olume$/.test(field) || field === 'gap')
    return typeof item.unit === 'string' ? (UNIT_SYMBOLS_FR[item.unit as VolumeUnit] ?? item.unit) : '';
  return 'nombre';
}

function isShare(unit: string): boolean {
  return unit === '%';
}

function actorLabel(a: ReportActor): string {
  return a.communeName ? `${a.name} (${a.communeName})` : a.name;
}

/** How a list item names itself in « Ventilation »: a family and unit, a kitchen, a buyer and product... */
function breakdownOf(item: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof item.role === 'string') parts.push(ROLE_NAMES_FR[item.role as ActorRole] ?? item.role);
  if (typeof item.familyName === 'string') parts.push(item.familyName);
  for (const key of ['kitchen', 'actor', 'seller', 'buyer'] as const) {
    const actor = item[key] as ReportActor | undefined;
    if (actor) parts.push(actorLabel(actor));
  }
  const product = item.product as ReportProduct | undefined;
  if (product) parts.push(product.name);
  const supplier = item.supplier as ReportActor | undefined;
  if (supplier) parts.push(`fournisseur : ${actorLabel(supplier)}`);
  if (typeof item.kind === 'string' && item.kind in INTEGRITY_BREAK_NAMES_FR)
    parts.push(INTEGRITY_BREAK_NAMES_FR[item.kind as IntegrityBreakKind]);
  const breakProduct = item.breakProduct as ReportProduct | undefined;
  if (breakProduct) parts.push(`intrant : ${breakProduct.name}`);
  if (typeof item.unit === 'string' && !parts.some((p) => p.endsWith(')')))
    parts.push(`en ${UNIT_SYMBOLS_FR[item.unit as VolumeUnit] ?? item.unit}`);
  if (typeof item.needId === 'string') parts.push(`besoin ${item.needId}`);
  return parts.join(' · ');
}

/** Walks the report and emits a row for every number (and every null figure, with its reason). */
function collect(
  rows: CsvRow[],
  section: string,
  value: unknown,
  path: string,
  breakdown: string,
  field: string,
  parent: Record<string, unknown>,
): void {
  if (SKIPPED.has(field)) return;
  if (typeof value === 'number' || (value === null && field in INDICATORS_FR)) {
    const unit = unitOf(field, parent);
    const withheld = (parent.withheld === true && unit !== 'nombre') || (field === 'total' && parent.totalWithheld === true);
    rows.push({
      section,
      indicator: INDICATORS_FR[field] ?? field,
      breakdown,
      // A withheld aggregate's figures are null (or 0 for euros): the row says why instead.
      value: withheld ? 'secret statistique' : value === null ? 'sans objet' : value,
      unit,
      field: path,
    });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => {
      if (item === null || typeof item !== 'object') return;
      const own = breakdownOf(item as Record<string, unknown>);
      const joined = [breakdown, own].filter((b) => b !== '').join(' › ');
      walk(rows, section, item as Record<string, unknown>, `${path}[${i}]`, joined);
    });
    return;
  }
  if (value !== null && typeof value === 'object' && !IDENTITIES.has(field))
    walk(rows, section, value as Record<string, unknown>, path, breakdown);
}

function walk(rows: CsvRow[], section: string, object: Record<string, unknown>, path: string, breakdown: string): void {
  for (const [field, value] of Object.entries(object)) collect(rows, section, value, `${path}.${field}`, breakdown, field, object);
}

/** The report's indicators as rows, in the order of the report. */
export function reportCsvRows(report: TerritoryReport): CsvRow[] {
  const rows: CsvRow[] = [];
  rows.push({ section: 'Rapport', indicator: 'Année', breakdown: '', value: report.year, unit: 'année', field: 'year' });
  for (const [key, title] of SECTIONS) {
    const part = report[key] as unknown as Record<string, unknown>;
    walk(rows, title, part, key, '');
  }
  return rows;
}

/** A number as Excel in French reads it: decimal comma, no thousands separator; shares in percent. */
function csvNumber(value: number, unit: string): string {
  const shown = isShare(unit) ? value * 100 : value;
  const digits = isShare(unit) ? 4 : Number.isInteger(shown) ? 0 : 3;
  return String(Number(shown.toFixed(digits))).replace('.', ',');
}

function csvCell(text: string): string {
  return /[";\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV file's text, BOM first. */
export function renderReportCsv(report: TerritoryReport): string {
  const lines = [CSV_HEADERS.map(csvCell).join(';')];
  for (const row of reportCsvRows(report)) {
    const value = typeof row.value === 'number' ? csvNumber(row.value, row.unit) : row.value;
    lines.push([row.section, row.indicator, row.breakdown, value, row.unit, row.field].map((c) => csvCell(String(c))).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
