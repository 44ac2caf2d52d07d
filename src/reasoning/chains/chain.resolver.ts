import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Actor } from '../../actor/actor.type';
import type { Context } from '../../context';
import { int, type Database } from '../../db';
import { BadUserInputError, NotFoundError, type EntityName } from '../../errors';
import type { Label } from '../../label/label.type';
import type { Product } from '../../product/product.type';
import type { SupplyLinkRow } from '../../supply/supply.loaders';
import { CHAIN, DEFAULT_CHAIN_DEPTH, LABEL_INTEGRITY, MAX_CHAIN_DEPTH } from './chain.cypher';
import { ChainDirection, IntegrityScopeKind } from './chain.enums';
import { IntegrityScopeInput } from './chain.input';
import { ChainEdge, ChainGraph, ChainNode, LabelIntegrityReport } from './chain.type';

/** The label checked when the client names none: AB, the French organic label. */
export const DEFAULT_INTEGRITY_LABEL = 'ab';

type ChainRow = {
  rootActor: Actor | null;
  product: Product | null;
  edges: ChainEdge[];
  nodes: ChainNode[];
  farms: Actor[];
  truncated: boolean;
  longestMetres: number;
};

type IntegrityRow = {
  scopeFound: boolean;
  label: Label | null;
  checked: { link: SupplyLinkRow; breaks: { breaksAt: SupplyLinkRow; path: SupplyLinkRow[] }[]; unverified: boolean }[];
};

const roundKm = (km: number) => Math.round(km * 1000) / 1000;

/** The depth asked, or the default; BAD_USER_INPUT outside 1..MAX_CHAIN_DEPTH. */
function toChainDepth(maxDepth: number | null): number {
  const value = maxDepth ?? DEFAULT_CHAIN_DEPTH;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CHAIN_DEPTH) {
    throw new BadUserInputError(`maxDepth must be between 1 and ${MAX_CHAIN_DEPTH} supply links; got ${value}`, {
      maxDepth: value,
      allowed: { min: 1, max: MAX_CHAIN_DEPTH },
    });
  }
  return value;
}

/** The chain of an actor for a product in one direction, in one round trip; NOT_FOUND for an unknown actor or product. */
async function findChain(db: Database, direction: ChainDirection, actorId: string, productId: string, maxDepth: number | null): Promise<ChainGraph> {
  const depth = toChainDepth(maxDepth);
  const [row] = await db.read<ChainRow>(CHAIN[direction], { actorId, productId, maxDepth: int(depth) });
  if (!row.rootActor) throw new NotFoundError('Actor', actorId);
  if (!row.product) throw new NotFoundError('Product', productId);
  return {
    direction,
    rootActor: row.rootActor,
    product: row.product,
    maxDepth: depth,
    truncated: row.truncated,
    nodes: row.nodes,
    edges: row.edges.map((edge) => ({ ...edge, distanceKm: roundKm(edge.distanceKm) })),
    farms: row.farms,
    totalDistanceKm: roundKm(row.longestMetres / 1000),
  };
}

const SCOPE_FIELDS = [
  { field: 'actorId', kind: IntegrityScopeKind.ACTOR, entity: 'Actor' },
  { field: 'productId', kind: IntegrityScopeKind.PRODUCT, entity: 'Product' },
  { field: 'departmentCode', kind: IntegrityScopeKind.DEPARTMENT, entity: 'Department' },
  { field: 'epciSiren', kind: IntegrityScopeKind.EPCI, entity: 'Epci' },
] as const satisfies readonly { field: keyof IntegrityScopeInput; kind: IntegrityScopeKind; entity: EntityName }[];

/** The one scope given; BAD_USER_INPUT for none or several. */
function toScope(scope: IntegrityScopeInput): { kind: IntegrityScopeKind; id: string; entity: EntityName } {
  const given = SCOPE_FIELDS.filter(({ field }) => scope[field] != null);
  if (given.length !== 1) {
    const got = given.length === 0 ? 'none' : given.map(({ field }) => field).join(' and ');
    throw new BadUserInputError(`Give exactly one scope: actorId, productId, departmentCode or epciSiren; got ${got}`, {
      given: given.map(({ field }) => field),
    });
  }
  const [{ field, kind, entity }] = given;
  return { kind, id: scope[field]!, entity };
}

@Resolver()
export class ChainResolver {
  @Query(() => ChainGraph, {
    description:
      'Where an actor\'s product comes from: its purchases of the product (or a narrower one), then their provenance back through ' +
      'transformations and resales (bread → flour → wheat) to the farms, as a DAG with volumes and distances. A chain stops at a ' +
      'farm, at a link that declares no provenance (`provenanceUnknown`), or at `maxDepth` links (`truncated`); provenance loops ' +
      `terminate and shared sub-chains appear once. NOT_FOUND for an unknown actor or product; BAD_USER_INPUT for maxDepth outside 1..${MAX_CHAIN_DEPTH}. ` +
      'One database round trip.',
  })
  upstream(
    @Arg('actorId', () => String, { description: 'The buyer whose supply is traced (actor id).' }) actorId: string,
    @Arg('productId', () => String, { description: 'The product bought (product id); narrower products count ("pain" covers "pain-de-campagne").' })
    productId: string,
    @Arg('maxDepth', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_CHAIN_DEPTH,
      description: `Most links a chain is followed for, the actor's own purchase included: 1 to ${MAX_CHAIN_DEPTH}.`,
    })
    maxDepth: number | null,
    @Ctx() { db }: Context,
  ): Promise<ChainGraph> {
    return findChain(db, ChainDirection.UPSTREAM, actorId, productId, maxDepth);
  }

  @Query(() => ChainGraph, {
    description:
      'Where an actor\'s product goes: its sales of the product (or a narrower one), then the links made or resold from them ' +
      '(wheat → flour → bread → kitchen), as a DAG with volumes and distances. Follows declared provenance only, up to `maxDepth` ' +
      `links (\`truncated\`). NOT_FOUND for an unknown actor or product; BAD_USER_INPUT for maxDepth outside 1..${MAX_CHAIN_DEPTH}. ` +
      'One database round trip.',
  })
  downstream(
    @Arg('actorId', () => String, { description: 'The seller whose output is traced (actor id).' }) actorId: string,
    @Arg('productId', () => String, { description: 'The product sold (product id); narrower products count.' }) productId: string,
    @Arg('maxDepth', () => Int, {
      nullable: true,
      defaultValue: DEFAULT_CHAIN_DEPTH,
      description: `Most links a chain is followed for, the actor's own sale included: 1 to ${MAX_CHAIN_DEPTH}.`,
    })
    maxDepth: number | null,
    @Ctx() { db }: Context,
  ): Promise<ChainGraph> {
    return findChain(db, ChainDirection.DOWNSTREAM, actorId, productId, maxDepth);
  }

  @Query(() => LabelIntegrityReport, {
    description:
      'Whether labelled goods are made from goods carrying the label too: for each link of the scope that carries the label, ' +
      'its provenance is followed upstream (at most ' +
      `${MAX_CHAIN_DEPTH} links) and every chain losing the label is reported with the link where it breaks. An input the label ` +
      'cannot apply to (a label with products, such as Picodon AOP, does not cover goat milk) is not a break. BAD_USER_INPUT for ' +
      'no scope or several, or labelId with organic: true; NOT_FOUND for an unknown scope or label. One database round trip.',
  })
  async labelIntegrity(
    @Arg('scope', () => IntegrityScopeInput, { description: 'The links checked: exactly one of actor, product, department or EPCI.' })
    scope: IntegrityScopeInput,
    @Arg('labelId', () => String, {
      nullable: true,
      description: `The label checked (label id); "${DEFAULT_INTEGRITY_LABEL}" when left out. Not with organic: true.`,
    })
    labelId: string | null | undefined,
    @Arg('organic', () => Boolean, {
      nullable: true,
      description:
        'true: check any label counting as organic (AB, EU organic, in conversion, Nature & Progrès...), accepted interchangeably ' +
        'on the checked links and upstream; false or left out: check `labelId`.',
    })
    organic: boolean | null | undefined,
    @Ctx() { db }: Context,
  ): Promise<LabelIntegrityReport> {
    const { kind, id, entity } = toScope(scope);
    const anyOrganic = organic === true;
    if (anyOrganic && labelId != null) {
      throw new BadUserInputError('Give labelId or organic: true, not both', { labelId });
    }
    const checkedLabelId = anyOrganic ? null : (labelId ?? DEFAULT_INTEGRITY_LABEL);
    const [row] = await db.read<IntegrityRow>(LABEL_INTEGRITY[kind], { scopeId: id, labelId: checkedLabelId, organic: anyOrganic });
    if (!row.scopeFound) throw new NotFoundError(entity, id);
    if (checkedLabelId !== null && !row.label) throw new NotFoundError('Label', checkedLabelId);

    const broken = row.checked.filter((c) => c.breaks.length > 0).length;
    const unverified = row.checked.filter((c) => c.unverified);
    return {
      label: row.label,
      organic: anyOrganic,
      maxDepth: MAX_CHAIN_DEPTH,
      summary: {
        checked: row.checked.length,
        intact: row.checked.length - broken - unverified.length,
        broken,
        unknownProvenance: unverified.length,
      },
      brokenChains: row.checked.flatMap((c) =>
        c.breaks.map((b) => ({ link: c.link, breaksAt: b.breaksAt, path: b.path, depth: b.path.length })),
      ),
      unverifiedLinks: unverified.map((c) => c.link),
    };
  }
}
