import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Actor } from '../../actor';
import { selectionOf } from '../../common';
import type { Context } from '../../context';
import { int, type Database } from '../../db';
import { NotFoundError } from '../../errors';
import type { Label } from '../../label';
import type { Product } from '../../product';
import type { SupplyLinkRow } from '../../supply';
import { toScope, toScopeParams, type ScopeField } from '../scope';
import { CHAIN, DEFAULT_CHAIN_DEPTH, LABEL_INTEGRITY, MAX_CHAIN_DEPTH } from './chain.cypher';
import { ChainDirection, IntegrityBreakKind, IntegrityScopeKind } from './chain.enums';
import { DEFAULT_INTEGRITY_LABEL, DownstreamArgs, LabelIntegrityArgs, UpstreamArgs, type IntegrityScopeInput } from './chain.input';
import { ChainEdge, ChainGraph, ChainNode, LabelIntegrityReport } from './chain.type';

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
  checked: {
    link: SupplyLinkRow;
    breaks: { kind: IntegrityBreakKind; breaksAt: SupplyLinkRow; path: SupplyLinkRow[] }[];
    unverified: boolean;
  }[];
};

const roundKm = (km: number) => Math.round(km * 1000) / 1000;

/**
 * The chain of an actor for a product in one direction, in one round trip (the depth checked at the
 * edge: UpstreamArgs, DownstreamArgs); NOT_FOUND for an unknown actor or product.
 */
async function findChain(
  db: Database,
  direction: ChainDirection,
  { actorId, productId, maxDepth }: UpstreamArgs | DownstreamArgs,
  info: GraphQLResolveInfo,
): Promise<ChainGraph> {
  const depth = maxDepth ?? DEFAULT_CHAIN_DEPTH;
  const withTotalDistance = selectionOf(info).has('totalDistanceKm');
  const [row] = await db.read<ChainRow>(CHAIN[direction], { actorId, productId, maxDepth: int(depth), withTotalDistance });
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
] as const satisfies readonly ScopeField<keyof IntegrityScopeInput, IntegrityScopeKind>[];

@Resolver()
export class ChainResolver {
  @Query(() => ChainGraph, {
    description:
      "Where an actor's product comes from: its purchases of the product (or a narrower one), then their provenance back through " +
      'transformations and resales (bread → flour → wheat) to the farms, as a DAG with volumes and distances. A chain stops at a ' +
      'farm, at a link that declares no provenance (`provenanceUnknown`), or at `maxDepth` links (`truncated`); provenance loops ' +
      `terminate and shared sub-chains appear once. NOT_FOUND for an unknown actor or product; BAD_USER_INPUT for maxDepth outside 1..${MAX_CHAIN_DEPTH}. ` +
      'One database round trip.',
  })
  upstream(@Args(() => UpstreamArgs) args: UpstreamArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<ChainGraph> {
    return findChain(db, ChainDirection.UPSTREAM, args, info);
  }

  @Query(() => ChainGraph, {
    description:
      "Where an actor's product goes: its sales of the product (or a narrower one), then the links made or resold from them " +
      '(wheat → flour → bread → kitchen), as a DAG with volumes and distances. Follows declared provenance only, up to `maxDepth` ' +
      `links (\`truncated\`). NOT_FOUND for an unknown actor or product; BAD_USER_INPUT for maxDepth outside 1..${MAX_CHAIN_DEPTH}. ` +
      'One database round trip.',
  })
  downstream(
    @Args(() => DownstreamArgs) args: DownstreamArgs,
    @Ctx() { db }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ChainGraph> {
    return findChain(db, ChainDirection.DOWNSTREAM, args, info);
  }

  @Query(() => LabelIntegrityReport, {
    description:
      'Whether labelled goods are made from goods carrying the label too: for each link of the scope that carries the label, ' +
      'its provenance is followed upstream (at most ' +
      `${MAX_CHAIN_DEPTH} links) and every chain losing the label is reported with the link where it breaks. An input the label ` +
      'cannot apply to (a label with products, such as Picodon AOP, does not cover goat milk) is not a break. For legal organic ' +
      '(organic: true, or a label such as "ab"), feed without the label under organic goods is a CONVENTIONAL_FEED break and an ' +
      'operator selling organic goods without an Agence Bio number an UNCERTIFIED_OPERATOR break. BAD_USER_INPUT for ' +
      'no scope or several, or labelId with organic: true; NOT_FOUND for an unknown scope or label. One database round trip.',
  })
  async labelIntegrity(
    @Args(() => LabelIntegrityArgs) { scope: scopeInput, labelId, organic }: LabelIntegrityArgs,
    @Ctx() { db }: Context,
  ): Promise<LabelIntegrityReport> {
    const scope = toScope(scopeInput, SCOPE_FIELDS);
    const anyOrganic = organic === true;
    const checkedLabelId = anyOrganic ? null : (labelId ?? DEFAULT_INTEGRITY_LABEL);
    const [row] = await db.read<IntegrityRow>(LABEL_INTEGRITY[scope.kind], {
      ...toScopeParams(scope),
      labelId: checkedLabelId,
      organic: anyOrganic,
    });
    if (!row.scopeFound) throw new NotFoundError(scope.entity, scope.id);
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
        c.breaks.map((b) => ({ link: c.link, kind: b.kind, breaksAt: b.breaksAt, path: b.path, depth: b.path.length })),
      ),
      unverifiedLinks: unverified.map((c) => c.link),
    };
  }
}
