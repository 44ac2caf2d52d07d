import { IsOptional } from 'class-validator';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { InRange, registerClassRule } from '../common';
import { MAX_SEARCH_RADIUS_KM } from '../records';

/**
 * "Local" has no legal definition, so every question that speaks of local supply takes it as a
 * parameter, states the one it applied, and words it the same way. This file owns the definition:
 * its kinds, its default (a radius of 100 km), its bound, its GraphQL input and rules, its Cypher
 * parameters and its wording. The Cypher that applies it is the suppliers' (MATCHES_OF_REQUEST).
 */

/** What "local" means: there is no legal definition, so the client chooses. */
export enum LocalScope {
  /** Within a great-circle radius of the buyer. */
  RADIUS = 'RADIUS',
  /** In the buyer's department. */
  DEPARTMENT = 'DEPARTMENT',
  /** In the buyer's department or a department bordering it. */
  DEPARTMENT_AND_NEIGHBOURS = 'DEPARTMENT_AND_NEIGHBOURS',
  /** In the buyer's EPCI (intercommunality). */
  EPCI = 'EPCI',
  /** In the buyer's region (Auvergne-Rhône-Alpes for the Drôme). */
  REGION = 'REGION',
}

/**
 * The administrative regions of the departments of the reference geography (the Drôme and its
 * neighbours: 04 05 07 26 38 69 84), with every department of each. Source: INSEE, Code officiel
 * géographique 2024 (regions since 1 January 2016). The graph holds departments, not regions, so
 * the table lives here; a buyer whose department is in no region listed gets BAD_USER_INPUT.
 */
export const REGIONS: readonly { code: string; name: string; departmentCodes: readonly string[] }[] = [
  { code: '84', name: 'Auvergne-Rhône-Alpes', departmentCodes: ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'] },
  { code: '93', name: "Provence-Alpes-Côte d'Azur", departmentCodes: ['04', '05', '06', '13', '83', '84'] },
];

/** The region of a department (a code such as "26"), or null when it is in no region of REGIONS. */
export function findRegionOfDepartment(departmentCode: string | null | undefined) {
  return REGIONS.find((r) => departmentCode != null && r.departmentCodes.includes(departmentCode)) ?? null;
}

/** Every department code of REGIONS mapped to the codes of its region: the Cypher parameter regionDepartmentCodes. */
export const REGION_DEPARTMENT_CODES: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  REGIONS.flatMap((r) => r.departmentCodes.map((code) => [code, r.departmentCodes])),
);

registerEnumType(LocalScope, {
  name: 'LocalScope',
  description:
    '"Local" has no legal definition: what counts as local in a supplier search, measured from the supplier (where the goods come from) to the buyer.',
  valuesConfig: {
    RADIUS: { description: 'Within a great-circle radius of the buyer (ADEME uses 30 to 100 km, ma-cantine 200 km).' },
    DEPARTMENT: { description: "In the buyer's department." },
    DEPARTMENT_AND_NEIGHBOURS: { description: "In the buyer's department or a department bordering it." },
    EPCI: { description: "In the buyer's EPCI (intercommunality)." },
    REGION: {
      description: "In the buyer's administrative region (Auvergne-Rhône-Alpes for a Drôme buyer: 01 03 07 15 26 38 42 43 63 69 73 74).",
    },
  },
});

/** The radius "local" means when a question gives no definition: ADEME's upper bound. */
export const DEFAULT_LOCAL_RADIUS_KM = 100;
/** The largest local radius accepted, in km: the shared search-radius bound. */
export const MAX_LOCAL_RADIUS_KM = MAX_SEARCH_RADIUS_KM;

/** The message of a local radius out of range, at the edge and in the batch service. */
export const localRadiusMessage = (value: unknown) =>
  `local.radiusKm must be more than 0 and at most ${MAX_LOCAL_RADIUS_KM} km; got ${value}`;

/** What "local" means for one request: a radius from the buyer, or the buyer's department(s) or EPCI. */
export type LocalDefinitionSpec =
  | { scope: LocalScope.RADIUS; radiusKm: number }
  | { scope: LocalScope.DEPARTMENT | LocalScope.DEPARTMENT_AND_NEIGHBOURS | LocalScope.EPCI | LocalScope.REGION };

/** The definition applied when the question gives none. */
export const DEFAULT_LOCAL: LocalDefinitionSpec = { scope: LocalScope.RADIUS, radiusKm: DEFAULT_LOCAL_RADIUS_KM };

@InputType({
  description: `What "local" means, measured from the supplier to the buyer: a radius, or a scope. Give one of the two; left out, a radius of ${DEFAULT_LOCAL_RADIUS_KM} km.`,
})
export class LocalInput {
  @Field(() => Float, { nullable: true, description: `Radius in km, more than 0 and at most ${MAX_LOCAL_RADIUS_KM} (scope RADIUS).` })
  @IsOptional()
  @InRange({ min: 0, minExclusive: true, max: MAX_LOCAL_RADIUS_KM }, localRadiusMessage, { field: 'local.radiusKm' })
  radiusKm?: number | null;

  @Field(() => LocalScope, { nullable: true, description: `The scope; RADIUS without radiusKm means ${DEFAULT_LOCAL_RADIUS_KM} km.` })
  scope?: LocalScope | null;
}

// A radius is a definition of its own: with another scope it would be ignored, so it is refused.
registerClassRule(LocalInput, 'radiusKm|scope', {
  name: 'radiusOrScope',
  check: (local) => {
    const { radiusKm, scope } = local as LocalInput;
    return radiusKm == null || scope == null || scope === LocalScope.RADIUS;
  },
  message: (local) => `local: give radiusKm (a radius) or scope ${(local as LocalInput).scope}, not both`,
  context: { field: 'local' },
});

/** The definition a (valid) LocalInput asks for, and whether it is the default (nothing given). */
export function toLocalSpec(input: LocalInput | null | undefined): { spec: LocalDefinitionSpec; isDefault: boolean } {
  if (!input || (input.radiusKm == null && input.scope == null)) return { spec: DEFAULT_LOCAL, isDefault: true };
  const scope = input.scope ?? LocalScope.RADIUS;
  if (scope === LocalScope.RADIUS) return { spec: { scope, radiusKm: input.radiusKm ?? DEFAULT_LOCAL_RADIUS_KM }, isDefault: false };
  return { spec: { scope }, isDefault: false };
}

/** The definition's Cypher parameters: localScope (a LocalScope name) and localRadiusM (metres; null for a scope). */
export function toLocalParams(spec: LocalDefinitionSpec): { localScope: LocalScope; localRadiusM: number | null } {
  return { localScope: spec.scope, localRadiusM: spec.scope === LocalScope.RADIUS ? spec.radiusKm * 1000 : null };
}

/** Whether a radius is one "local" accepts: more than 0 and at most MAX_LOCAL_RADIUS_KM. */
export function isLocalRadius(radiusKm: number): boolean {
  return Number.isFinite(radiusKm) && radiusKm > 0 && radiusKm <= MAX_LOCAL_RADIUS_KM;
}

/**
 * What a question resolved the buyer's territory to, when it answers for one buyer; left out when
 * it answers for many ("each buyer's department").
 */
export interface LocalPlace {
  department: { code: string; name: string } | null;
  neighbourCodes: string[];
  epci: { name: string } | null;
}

/**
 * The definition in words, to quote in answers and reports: "within 100 km of the buyer (great
 * circle), the default", "in each buyer's department". `place` adds the resolved territory (codes
 * and names) for a one-buyer answer.
 */
export function describeLocal(spec: LocalDefinitionSpec, isDefault: boolean, place?: LocalPlace): string {
  const buyer = place ? 'the buyer' : 'each buyer';
  const department = place?.department ? ` (${place.department.code} ${place.department.name})` : '';
  switch (spec.scope) {
    case LocalScope.RADIUS:
      return `within ${spec.radiusKm} km of ${buyer} (great circle)${isDefault ? ', the default' : ''}`;
    case LocalScope.DEPARTMENT:
      return `in ${buyer}'s department${department}`;
    case LocalScope.DEPARTMENT_AND_NEIGHBOURS:
      return `in ${buyer}'s department${department} or a neighbouring one${place ? ` (${place.neighbourCodes.join(', ')})` : ''}`;
    case LocalScope.EPCI:
      return `in ${buyer}'s EPCI${place?.epci ? ` (${place.epci.name})` : ''}`;
    case LocalScope.REGION: {
      const region = place ? findRegionOfDepartment(place.department?.code) : null;
      return `in ${buyer}'s region${region ? ` (${region.name}: ${region.departmentCodes.join(', ')})` : ''}`;
    }
    default: {
      const unreachable: never = spec;
      throw new Error(`unknown local scope ${JSON.stringify(unreachable)}`);
    }
  }
}
