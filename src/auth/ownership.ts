import type { Context } from '../context';

/**
 * Which actors own a record that carries private fields, and whether one of them hides its
 * volumes: the field rules (OWNER, VOLUME) ask this of the object whose field is resolved, by its
 * GraphQL type (or `Type.field` where one field of a type has other owners). Every type that has a
 * rule-bearing field must be listed; the auth checker fails loudly otherwise.
 *
 * Records carry their owners' ids where their queries project them (supply links their supplierId
 * and buyerId, offers their supplierId); otherwise the per-request loaders find them, batched.
 * A flag computed by the query (`volumeConfidential`) saves loading the actors.
 */
export interface Ownership {
  ownerIds(root: Root, ctx: Context): string[] | Promise<string[]>;
  volumesConfidential(root: Root, ctx: Context): boolean | Promise<boolean>;
}

// Roots are the plain objects resolvers return: read defensively.
type Root = Record<string, unknown>;

interface ActorLike {
  id: string;
  confidentialVolumes?: boolean | null;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ids = (...values: unknown[]): string[] => values.map(str).filter((v): v is string => v !== null);
const anyConfidential = (actors: ReadonlyArray<ActorLike | null | Error>): boolean =>
  actors.some((a) => a !== null && !(a instanceof Error) && a.confidentialVolumes === true);

async function actorsById(ctx: Context, actorIds: string[]): Promise<ReadonlyArray<ActorLike | null | Error>> {
  return ctx.loaders.actor.actorById.loadMany(actorIds);
}

async function actorOfOffer(root: Root, ctx: Context): Promise<ActorLike | null> {
  const supplierId = str(root.supplierId);
  if (supplierId) return ctx.loaders.actor.actorById.load(supplierId);
  return ctx.loaders.actor.actorOfOffer.load(String(root.id));
}

/** An object that holds its actors (`buyer`, `supplier`) as full actor rows. */
function heldActors(...keys: string[]): Ownership {
  const actors = (root: Root) => keys.map((k) => root[k] as ActorLike | null | undefined).filter((a): a is ActorLike => !!a);
  return {
    ownerIds: (root) => actors(root).map((a) => a.id),
    volumesConfidential: (root) => anyConfidential(actors(root)),
  };
}

/** A supply link as an edge of a chain or a graph: its two ends' ids, and a flag its query computed. */
function edge(supplierKey: string, buyerKey: string): Ownership {
  return {
    ownerIds: (root) => ids(root[supplierKey], root[buyerKey]),
    volumesConfidential: async (root, ctx) =>
      typeof root.volumeConfidential === 'boolean'
        ? root.volumeConfidential
        : anyConfidential(await actorsById(ctx, ids(root[supplierKey], root[buyerKey]))),
  };
}

export const OWNERSHIP: Readonly<Record<string, Ownership>> = {
  Actor: {
    ownerIds: (root) => ids(root.id),
    volumesConfidential: (root) => root.confidentialVolumes === true,
  },
  Offer: {
    ownerIds: async (root, ctx) => ids(str(root.supplierId) ?? (await actorOfOffer(root, ctx))?.id),
    volumesConfidential: async (root, ctx) => (await actorOfOffer(root, ctx))?.confidentialVolumes === true,
  },
  Need: {
    ownerIds: async (root, ctx) => ids((await ctx.loaders.actor.actorOfNeed.load(String(root.id)))?.id),
    volumesConfidential: async (root, ctx) => (await ctx.loaders.actor.actorOfNeed.load(String(root.id)))?.confidentialVolumes === true,
  },
  SupplyLink: edge('supplierId', 'buyerId'),
  ChainEdge: edge('supplierId', 'buyerId'),
  GraphEdge: edge('source', 'target'),
  /** A match's capacity is its supplier's offer's. */
  SupplierMatch: heldActors('supplier'),
  /** An unmet need's volume, coverage and gap are its buyer's figures. */
  UnmetNeed: heldActors('buyer'),
  /** What the buyer's existing links bring is the buyer's figure. */
  PotentialBuyer: heldActors('buyer'),
  /** The need's volume is the buyer's; what the single supplier's links bring concerns both. */
  'SingleSupplierNeed.volume': heldActors('buyer'),
  'SingleSupplierNeed.coveredVolume': heldActors('buyer', 'supplier'),
};

export function ownershipOf(typeName: string, fieldName: string): Ownership | undefined {
  return OWNERSHIP[`${typeName}.${fieldName}`] ?? OWNERSHIP[typeName];
}
