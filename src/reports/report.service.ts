import { RESELLER_ONLY_ROLES, ActorRole } from '../actor';
import type { Database } from '../db';
import { NotFoundError, type EntityName } from '../errors';
import {
  DEFAULT_LOCAL_RADIUS_KM,
  findCandidateLeads,
  findTerritoryNeeds,
  IntegrityBreakKind,
  IntegrityScopeKind,
  LABEL_INTEGRITY,
  toCriticalActors,
  type CandidateLead,
  type TerritoryNeed,
} from '../reasoning';
import { ACTOR_ROLES, PURCHASE_FAMILIES, PURCHASE_FAMILY_NAMES_FR, type PurchaseFamily, type VolumeUnit } from '../records';
import { ACTOR_REFS, NEED_COVERAGE_BY_FAMILY, PRODUCTS_OF_LINKS, PURCHASES, SALES, TERRITORY, TERRITORY_ACTORS } from './report.cypher';
import { isDisclosable, toEgalimFigures, toLocalSupplyFigures, type PurchaseGroup } from './report.figures';
import { REPORT_SOURCES, reportDefinitions, reportMethods } from './report.methods';
import {
  ReportTerritoryKind,
  type ActionSection,
  type CateringSection,
  type CoverageSection,
  type FamilyCoverage,
  type FoodSystemSection,
  type IntegrityFigures,
  type ReportActor,
  type ReportProduct,
  type RiskSection,
  type TerritoryReport,
} from './report.type';

/** Which territory a report covers: its kind and code (INSEE code, SIREN or department code). */
export interface TerritoryRef {
  kind: ReportTerritoryKind;
  code: string;
}

/** Roles whose sales of made products count as transformation in the territory. */
const PROCESSOR_ROLES = [ActorRole.MILL, ActorRole.BAKERY, ActorRole.DAIRY, ActorRole.PROCESSOR, ActorRole.SLAUGHTERHOUSE];
/** The leads of section 6: three candidate suppliers per unmet need, local by the default radius (at most one intermediary). */
const LEAD_SEARCH = { candidates: 3, localRadiusKm: DEFAULT_LOCAL_RADIUS_KM };
/** Critical actors listed. */
const TOP_CRITICAL_ACTORS = 10;

const ENTITY: Readonly<Record<ReportTerritoryKind, EntityName>> = {
  [ReportTerritoryKind.COMMUNE]: 'Commune',
  [ReportTerritoryKind.EPCI]: 'Epci',
  [ReportTerritoryKind.DEPARTMENT]: 'Department',
};

type TerritoryRow = {
  found: boolean;
  name: string | null;
  population: number | null;
  communeInsees: string[];
  departmentCodes: string[];
  epciSiren: string | null;
  dataDate: Date | null;
  hasActors: boolean;
};

type SalesRow = {
  production: {
    family: PurchaseFamily;
    unit: VolumeUnit;
    producers: number;
    privateProducers: number;
    links: number;
    volume: number;
    valueEur: number;
  }[];
  transformed: { product: ReportProduct; unit: VolumeUnit; processors: number; privateProcessors: number; volume: number }[];
};

type CoverageRow = {
  family: PurchaseFamily;
  unit: VolumeUnit;
  needs: number;
  buyers: number;
  privateBuyers: number;
  covered: number;
  partial: number;
  unmet: number;
  needVolume: number;
  coveredVolume: number;
  localCoveredVolume: number;
};

type IntegrityLink = { id: string; supplierId: string | null };
type IntegrityRow = {
  checked: { link: IntegrityLink; breaks: { kind: IntegrityBreakKind; breaksAt: IntegrityLink; path: unknown[] }[]; unverified: boolean }[];
};

/** What label integrity is asked of: the territory itself, or a commune's EPCI (else department), filtered after. */
interface QuestionScope {
  epciSiren?: string;
  departmentCode?: string;
}

/** The scope label integrity takes for a territory: it knows EPCIs and departments, not communes. */
function toQuestionScope(ref: TerritoryRef, territory: TerritoryRow): QuestionScope {
  switch (ref.kind) {
    case ReportTerritoryKind.EPCI:
      return { epciSiren: ref.code };
    case ReportTerritoryKind.DEPARTMENT:
      return { departmentCode: ref.code };
    case ReportTerritoryKind.COMMUNE:
      return territory.epciSiren ? { epciSiren: territory.epciSiren } : { departmentCode: territory.departmentCodes[0] };
    default: {
      const unreachable: never = ref.kind;
      throw new Error(`unknown territory kind ${String(unreachable)}`);
    }
  }
}

const toIsoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The last day of a year, as a Cypher date parameter (ISO string compared with date()). */
const yearEnd = (year: number) => `${String(year).padStart(4, '0')}-12-31`;

/**
 * The report of a commune, EPCI or department for a year: every indicator of issue 12 as data,
 * with the definitions applied. A territory without actors gives a report with hasData false and
 * empty sections; an unknown one throws NOT_FOUND (entity Commune, Epci or Department). Three
 * steps: the territory (with whether it has actors); then, all at once, its actors, purchases,
 * sales, needs for the year, label integrity, and its needs with their coverage followed by their
 * candidate leads (the reasoning module's unmetNeeds and supplyRisk, in the report's own two
 * statements); then the references of the actors and products those name (docs/reports.md, "Speed").
 */
export async function buildTerritoryReport(
  db: Database,
  ref: TerritoryRef,
  year: number,
  now: Date = new Date(),
): Promise<TerritoryReport> {
  const [territory] = await db.read<TerritoryRow>(TERRITORY[ref.kind], { code: ref.code });
  if (!territory.found) throw new NotFoundError(ENTITY[ref.kind], ref.code);
  const head = {
    territory: {
      kind: ref.kind,
      code: ref.code,
      name: territory.name ?? ref.code,
      population: territory.population,
      communeInsees: [...territory.communeInsees].sort(),
      departmentCodes: territory.departmentCodes,
    },
    year,
    dataDate: toIsoDate(territory.dataDate ?? now),
    generatedAt: now.toISOString(),
    definitions: reportDefinitions(year),
    methods: reportMethods(year),
    sources: [...REPORT_SOURCES],
  };
  const params = {
    insees: territory.communeInsees,
    yearEnd: yearEnd(year),
    localRadiusM: DEFAULT_LOCAL_RADIUS_KM * 1000,
    resellerRoles: [...RESELLER_ONLY_ROLES],
    processorRoles: PROCESSOR_ROLES,
  };
  if (!territory.hasActors) return { ...head, hasData: false, ...emptySections() };

  const scope = toQuestionScope(ref, territory);
  // Every statement at once, within the per-request admission (DB_REQUEST_CONCURRENCY at a time), in
  // the order they are admitted: the needs first, since their candidate leads are asked after them
  // and are the longest chain (docs/reports.md, "Speed").
  const [[needs, leads], actorRows, purchases, [sales], coverage, integrity] = await Promise.all([
    findTerritoryNeeds(db, territory.communeInsees).then(
      async (found) => [found, await findCandidateLeads(db, found.needs, LEAD_SEARCH)] as const,
    ),
    db.read<{ actor: ReportActor; kitchen: boolean }>(TERRITORY_ACTORS, params),
    db.read<PurchaseGroup>(PURCHASES, params),
    db.read<SalesRow>(SALES, params),
    db.read<CoverageRow>(NEED_COVERAGE_BY_FAMILY, params),
    db.read<IntegrityRow>(LABEL_INTEGRITY[scope.epciSiren ? IntegrityScopeKind.EPCI : IntegrityScopeKind.DEPARTMENT], {
      scopeId: scope.epciSiren ?? scope.departmentCode,
      labelId: null,
      organic: true,
    }),
  ]);

  const local = new Map(actorRows.map((r) => [r.actor.id, r.actor]));
  const inTerritory = (id: string) => local.has(id);
  const checked = integrity[0].checked.filter((c) => c.link.supplierId !== null && inTerritory(c.link.supplierId));
  // The needs are the territory's own buyers' (TERRITORY_NEEDS reads the same communes).
  const single = needs.single;
  const actionNeeds = needs.needs;

  const outsideIds = new Set<string>();
  const wanted = (id: string | null) => id !== null && !inTerritory(id) && outsideIds.add(id);
  single.forEach((n) => wanted(n.supplier.id));
  actionNeeds.forEach((n) => leads.get(n.need.id)?.forEach((c) => wanted(c.supplierId)));
  checked.forEach((c) => c.breaks.forEach((b) => wanted(b.breaksAt.supplierId)));
  const linkIds = checked.flatMap((c) => [c.link.id, ...c.breaks.map((b) => b.breaksAt.id)]);
  const [outsideRows, productRows] = await Promise.all([
    outsideIds.size > 0 ? db.read<{ actor: ReportActor }>(ACTOR_REFS, { ids: [...outsideIds] }) : Promise.resolve([]),
    linkIds.length > 0 ? db.read<{ linkId: string; product: ReportProduct }>(PRODUCTS_OF_LINKS, { linkIds }) : Promise.resolve([]),
  ]);
  const actors = new Map([...local, ...outsideRows.map((r) => [r.actor.id, r.actor] as const)]);
  const actorRef = (id: string): ReportActor => actors.get(id) ?? unknownActor(id);
  const linkProducts = new Map(productRows.map((r) => [r.linkId, r.product]));
  const isPublic = (id: string) => actors.get(id)?.publicBuyer ?? false;
  const toProduct = (p: { id: string; name: string; family: PurchaseFamily }): ReportProduct => ({
    id: p.id,
    name: p.name,
    family: p.family,
  });

  const kitchenIds = new Set(actorRows.filter((r) => r.kitchen).map((r) => r.actor.id));
  const asked = ref.kind !== ReportTerritoryKind.COMMUNE; // an EPCI's or a department's: supplyRisk's figures
  const risks: RiskSection = {
    // A commune's checked and covered needs are those of section 4 (for the year), as before the
    // questions were asked of its communes directly (docs/reports.md, "Section 5").
    checkedNeeds: asked ? needs.checked : countTerritoryNeeds(coverage),
    coveredNeeds: asked ? needs.covered : countTerritoryCovered(coverage),
    singleSupplierNeeds: single.map((n) => ({
      needId: n.need.id,
      buyer: actorRef(n.buyer.id),
      product: toProduct(n.product),
      supplier: actorRef(n.supplier.id),
      unit: n.need.unit,
      volume: isPublic(n.buyer.id) ? n.need.volume : null,
    })),
    criticalActors: toCriticalActors(single, TOP_CRITICAL_ACTORS).map((c) => {
      const buyers = new Set(single.filter((n) => n.supplier.id === c.actor.id).map((n) => n.buyer.id));
      const disclosable = isDisclosable(buyers.size, [...buyers].filter((id) => !isPublic(id)).length);
      return {
        actor: actorRef(c.actor.id),
        needsAffected: c.needsAffected,
        buyersAffected: c.buyersAffected,
        uncoveredVolumes: disclosable ? c.uncoveredVolumes : [],
        volumesWithheld: !disclosable,
      };
    }),
    labelIntegrity: toIntegrityFigures(checked, actorRef, linkProducts),
  };

  return {
    ...head,
    hasData: true,
    foodSystem: toFoodSystem(
      actorRows.map((r) => r.actor),
      sales,
    ),
    catering: toCatering(purchases, kitchenIds, isPublic, actorRef),
    localSupply: {
      all: toLocalSupplyFigures(purchases, isPublic),
      kitchens: toLocalSupplyFigures(
        purchases.filter((g) => kitchenIds.has(g.buyerId)),
        isPublic,
      ),
    },
    coverage: toCoverage(coverage),
    risks,
    actions: toActions(actionNeeds, leads, actorRef, isPublic, toProduct),
  };
}

/** An actor the graph no longer holds between two statements (deleted meanwhile): named by its id. */
const unknownActor = (id: string): ReportActor => ({
  id,
  name: id,
  roles: [],
  communeInsee: null,
  communeName: null,
  latitude: null,
  longitude: null,
  publicBuyer: false,
});

const countTerritoryNeeds = (rows: CoverageRow[]) => rows.reduce((t, r) => t + r.needs, 0);
const countTerritoryCovered = (rows: CoverageRow[]) => rows.reduce((t, r) => t + r.covered + r.partial, 0);

/** Section 1 from the territory's actors and the SALES row. */
function toFoodSystem(actors: ReportActor[], sales: SalesRow): FoodSystemSection {
  return {
    actorCount: actors.length,
    actorsByRole: ACTOR_ROLES.map((role) => ({ role, count: actors.filter((a) => a.roles.includes(role)).length })).filter(
      (r) => r.count > 0,
    ),
    actors,
    productionByFamily: sales.production.map((p) => {
      const withheld = !isDisclosable(p.producers, p.privateProducers);
      return {
        family: p.family,
        familyName: PURCHASE_FAMILY_NAMES_FR[p.family],
        unit: p.unit,
        producers: p.producers,
        links: p.links,
        withheld,
        volume: withheld ? null : p.volume,
        valueEur: withheld ? null : p.valueEur,
      };
    }),
    transformed: sales.transformed.map((t) => {
      const withheld = !isDisclosable(t.processors, t.privateProcessors);
      return { product: t.product, unit: t.unit, processors: t.processors, withheld, volume: withheld ? null : t.volume };
    }),
  };
}

/** Section 2: all the kitchens' purchases together, and each public kitchen's. */
function toCatering(
  purchases: PurchaseGroup[],
  kitchenIds: Set<string>,
  isPublic: (id: string) => boolean,
  actorRef: (id: string) => ReportActor,
): CateringSection {
  const kitchenGroups = purchases.filter((g) => kitchenIds.has(g.buyerId));
  const publicKitchens = [...kitchenIds].filter(isPublic);
  const buying = new Set(kitchenGroups.map((g) => g.buyerId));
  const privateBuying = [...buying].filter((id) => !isPublic(id)).length;
  // Public kitchens are listed one by one, so the total minus them gives the private ones' sum:
  // it needs MIN_CONTRIBUTORS private kitchens (or none) to be shown.
  const totalWithheld = !isDisclosable(privateBuying, privateBuying);
  const kitchens = publicKitchens
    .map((id) => ({ kitchen: actorRef(id), figures: toEgalimFigures(kitchenGroups.filter((g) => g.buyerId === id)) }))
    .sort((a, b) => a.kitchen.name.localeCompare(b.kitchen.name, 'fr') || a.kitchen.id.localeCompare(b.kitchen.id));
  return {
    kitchenCount: kitchenIds.size,
    publicKitchenCount: publicKitchens.length,
    total: totalWithheld || kitchenIds.size === 0 ? null : toEgalimFigures(kitchenGroups),
    totalWithheld,
    kitchens,
  };
}

/** Section 4 from the coverage rows (per family and unit), in ma-cantine's family order. */
function toCoverage(rows: CoverageRow[]): CoverageSection {
  const ordered = [...rows].sort(
    (a, b) => PURCHASE_FAMILIES.indexOf(a.family) - PURCHASE_FAMILIES.indexOf(b.family) || a.unit.localeCompare(b.unit),
  );
  const byFamily: FamilyCoverage[] = ordered.map((r) => {
    const withheld = !isDisclosable(r.buyers, r.privateBuyers);
    const figure = (v: number) => (withheld ? null : v);
    return {
      family: r.family,
      familyName: PURCHASE_FAMILY_NAMES_FR[r.family],
      unit: r.unit,
      needs: r.needs,
      buyers: r.buyers,
      withheld,
      needVolume: figure(r.needVolume),
      coveredVolume: figure(r.coveredVolume),
      localCoveredVolume: figure(r.localCoveredVolume),
      coverageShare: withheld || r.needVolume <= 0 ? null : r.coveredVolume / r.needVolume,
      localCoverageShare: withheld || r.needVolume <= 0 ? null : r.localCoveredVolume / r.needVolume,
    };
  });
  return {
    needs: countTerritoryNeeds(rows),
    coveredNeeds: rows.reduce((t, r) => t + r.covered, 0),
    partialNeeds: rows.reduce((t, r) => t + r.partial, 0),
    unmetNeeds: rows.reduce((t, r) => t + r.unmet, 0),
    byFamily,
  };
}

/** Label integrity of the organic links the territory's actors sell. */
function toIntegrityFigures(
  checked: IntegrityRow['checked'],
  actorRef: (id: string) => ReportActor,
  linkProducts: Map<string, ReportProduct>,
): IntegrityFigures {
  const broken = checked.filter((c) => c.breaks.length > 0);
  return {
    checked: checked.length,
    broken: broken.length,
    unknownProvenance: checked.filter((c) => c.breaks.length === 0 && c.unverified).length,
    breaks: broken.flatMap((c) =>
      c.breaks.flatMap((b) => {
        const product = linkProducts.get(c.link.id);
        if (!product || !c.link.supplierId) return [];
        return [
          {
            kind: b.kind,
            seller: actorRef(c.link.supplierId),
            product,
            breakSupplier: b.breaksAt.supplierId ? actorRef(b.breaksAt.supplierId) : null,
            breakProduct: linkProducts.get(b.breaksAt.id) ?? null,
            depth: b.path.length,
          },
        ];
      }),
    ),
  };
}

/** Section 6: the unmet and partial needs of the territory with their candidate leads, those with leads first. */
function toActions(
  needs: TerritoryNeed[],
  leads: Map<string, CandidateLead[]>,
  actorRef: (id: string) => ReportActor,
  isPublic: (id: string) => boolean,
  toProduct: (p: { id: string; name: string; family: PurchaseFamily }) => ReportProduct,
): ActionSection {
  const actions = needs.map((n) => ({
    needId: n.need.id,
    buyer: actorRef(n.buyer.id),
    product: toProduct(n.product),
    requiredLabelIds: n.requiredLabels.map((l) => l.id),
    coverage: n.coverage,
    unit: n.need.unit,
    gap: isPublic(n.buyer.id) ? Math.max(0, n.need.volume - n.coveredVolume) : null,
    candidates: (leads.get(n.need.id) ?? []).map((c) => ({
      supplier: actorRef(c.supplierId),
      product: toProduct(c.product),
      distanceKm: c.distanceKm,
      intermediaries: c.intermediaries,
      labelIds: c.labelIds,
    })),
  }));
  // Stable sort: needs keep the question's order (buyer id, need id) within each group.
  actions.sort((a, b) => Number(b.candidates.length > 0) - Number(a.candidates.length > 0));
  return {
    unmetNeeds: needs.filter((n) => n.coverage === 'UNMET').length,
    partialNeeds: needs.filter((n) => n.coverage === 'PARTIAL').length,
    needsWithCandidates: actions.filter((a) => a.candidates.length > 0).length,
    actions,
  };
}

/** The sections of a territory without data: empty, with zero counts. */
function emptySections(): Pick<TerritoryReport, 'foodSystem' | 'catering' | 'localSupply' | 'coverage' | 'risks' | 'actions'> {
  const noPurchases = toLocalSupplyFigures([], () => true);
  return {
    foodSystem: { actorCount: 0, actorsByRole: [], actors: [], productionByFamily: [], transformed: [] },
    catering: { kitchenCount: 0, publicKitchenCount: 0, total: null, totalWithheld: false, kitchens: [] },
    localSupply: { all: noPurchases, kitchens: noPurchases },
    coverage: { needs: 0, coveredNeeds: 0, partialNeeds: 0, unmetNeeds: 0, byFamily: [] },
    risks: {
      checkedNeeds: 0,
      coveredNeeds: 0,
      singleSupplierNeeds: [],
      criticalActors: [],
      labelIntegrity: { checked: 0, broken: 0, unknownProvenance: 0, breaks: [] },
    },
    actions: { unmetNeeds: 0, partialNeeds: 0, needsWithCandidates: 0, actions: [] },
  };
}
