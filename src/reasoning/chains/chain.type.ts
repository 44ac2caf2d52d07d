import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../../auth';
import { ActorRole, Actor } from '../../actor';
import { Label } from '../../label';
import { VolumeUnit, Product } from '../../product';
import type { SupplyLinkRow } from '../../supply';
import { SupplyLink } from '../../supply';
import { ChainDirection, IntegrityBreakKind } from './chain.enums';

registerEnumType(ChainDirection, {
  name: 'ChainDirection',
  description: 'Which way a chain is followed from its root actor.',
  valuesConfig: {
    UPSTREAM: { description: "Back to where the goods come from: the root's purchases, then their inputs (provenance), to the farms." },
    DOWNSTREAM: { description: "On to where the goods go: the root's sales, then the links made or resold from them." },
  },
});

registerEnumType(IntegrityBreakKind, {
  name: 'IntegrityBreakKind',
  description: 'Why a labelled chain breaks.',
  valuesConfig: {
    LABEL_LOST: {
      description: 'An input of the labelled goods (`breaksAt`) does not carry the label although the label can apply to its product.',
    },
    CONVENTIONAL_FEED: {
      description:
        'Legal organic only: an input of the organic goods (`breaksAt`) is animal feed without a legal organic label; organic ' +
        'livestock eat organic feed (EU 2018/848, annex II part II). Feed links are declared as inputs (sourcedFrom) of the ' +
        "farm's links.",
    },
    UNCERTIFIED_OPERATOR: {
      description:
        'Legal organic only: the seller of `breaksAt` (the checked link or a labelled link upstream) sells organic goods without ' +
        'an Agence Bio number, so no certification is known; every operator that handles organic goods must be certified ' +
        "(EU 2018/848 art. 34). The retailers' exemption (art. 35(8)) covers sales to the final consumer, which supply links " +
        'never are.',
    },
  },
});

@ObjectType({ description: 'An actor of a chain, once, however many paths pass through it.' })
export class ChainNode {
  @Field(() => Actor, { description: 'The actor.' })
  actor!: Actor;

  @Field(() => Int, {
    description:
      'Supply links between this actor and the root along the shortest path (0 for the root): upstream, the supplier of a ' +
      'link of depth d is at depth d; downstream, its buyer is.',
  })
  depth!: number;

  @Field(() => [ActorRole], { description: "The actor's roles (whether it farms, transforms or resells)." })
  roles!: ActorRole[];

  @Field(() => Boolean, {
    description:
      'True when the actor, not a farm, sells on a link of this graph that declares no provenance: the chain stops at it because ' +
      'the graph does not say where those goods come from (nothing is invented).',
  })
  provenanceUnknown!: boolean;
}

@ObjectType({ description: 'A supply link of a chain, once, however many paths pass through it; from `supplierId` to `buyerId`.' })
export class ChainEdge {
  @Field(() => SupplyLink, { description: 'The supply link.' })
  link!: SupplyLinkRow;

  @Field(() => String, { description: 'Id of the supplier (a node of the graph).' })
  supplierId!: string;

  @Field(() => String, { description: 'Id of the buyer (a node of the graph).' })
  buyerId!: string;

  @Field(() => Product, { description: 'The product traded (it changes along a chain: bread, flour, wheat).' })
  product!: Product;

  @Field(() => [Label], { description: 'Labels the goods carry, by id.' })
  labels!: Label[];

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume traded per year, in \`unit\`. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of `volume`.' })
  unit!: VolumeUnit;

  @Field(() => Float, { description: 'Great-circle distance between supplier and buyer, in km.' })
  distanceKm!: number;

  @Field(() => Int, {
    description:
      "Position of the link in the chain along the shortest path: 1 for the root's own purchases (upstream) or sales (downstream).",
  })
  depth!: number;

  @Field(() => [String], {
    description: 'Ids of the links of this graph that this link is sourced from (its declared inputs that the graph holds), by id.',
  })
  sourcedFromIds!: string[];

  @Field(() => Boolean, {
    description: 'True when the link declares no provenance and its supplier is not a farm: the chain stops here, origin unknown.',
  })
  provenanceUnknown!: boolean;
}

@ObjectType({
  description:
    'A supply chain as a DAG: the actors and supply links from (upstream) or to (downstream) a root actor for a product, ' +
    "each once even when several paths share them. Every edge's supplier and buyer are among `nodes`.",
})
export class ChainGraph {
  @Field(() => ChainDirection, { description: 'Which way the chain was followed.' })
  direction!: ChainDirection;

  @Field(() => Actor, { description: 'The actor the chain was followed from.' })
  rootActor!: Actor;

  @Field(() => Product, { description: "The product asked about; the root's links of it or of a narrower product start the chain." })
  product!: Product;

  @Field(() => Int, { description: "The most links a path of the graph may hold, the root's own link included." })
  maxDepth!: number;

  @Field(() => Boolean, {
    description:
      'True when the depth limit cut the graph: some link of it has provenance (upstream) or outlets (downstream) left out. Ask again deeper.',
  })
  truncated!: boolean;

  @Field(() => [ChainNode], { description: 'The actors, the root first, then by depth and name.' })
  nodes!: ChainNode[];

  @Field(() => [ChainEdge], { description: 'The supply links, by depth, then id.' })
  edges!: ChainEdge[];

  @Field(() => [Actor], {
    description:
      'The farms the goods start from: actors with the FARM role selling on a link of the graph that declares no provenance, ' +
      'by depth and name. Downstream, the root itself when it is such a farm.',
  })
  farms!: Actor[];

  @Field(() => Float, {
    description:
      'Length of the longest chain of the graph, in km: the greatest sum of supplier → buyer great-circle distances along one ' +
      'path of links (0 when there is no link).',
  })
  totalDistanceKm!: number;
}

@ObjectType({ description: 'A labelled link whose chain breaks the label upstream, where, and why.' })
export class BrokenChain {
  @Field(() => SupplyLink, { description: 'The labelled link checked.' })
  link!: SupplyLinkRow;

  @Field(() => IntegrityBreakKind, { description: 'Why the chain breaks at `breaksAt`.' })
  kind!: IntegrityBreakKind;

  @Field(() => SupplyLink, {
    description:
      'LABEL_LOST and CONVENTIONAL_FEED: the first link upstream whose goods do not carry the label although the label can apply ' +
      'to its product. UNCERTIFIED_OPERATOR: the labelled link (the checked one or one upstream) sold by an operator without an ' +
      'Agence Bio number.',
  })
  breaksAt!: SupplyLinkRow;

  @Field(() => [SupplyLink], {
    description:
      "The chain from the checked link (first) to `breaksAt` (last), following provenance; every link but a lost label's last " +
      'carries the label.',
  })
  path!: SupplyLinkRow[];

  @Field(() => Int, {
    description:
      "Links in `path`: 2 when a lost label is a direct input of the checked link; 1 when the checked link's own seller is uncertified.",
  })
  depth!: number;
}

@ObjectType({ description: 'How the labelled links checked fared; `checked` = `intact` + `broken` + `unknownProvenance`.' })
export class IntegritySummary {
  @Field(() => Int, { description: 'Labelled links of the scope checked.' })
  checked!: number;

  @Field(() => Int, {
    description: "Checked links whose every chain keeps the label back to a farm's own link (or to an input the label does not cover).",
  })
  intact!: number;

  @Field(() => Int, { description: 'Checked links with at least one break upstream (one link may break on several chains).' })
  broken!: number;

  @Field(() => Int, {
    description:
      'Checked links without a break found that cannot be verified: a labelled link of their chain (the checked link itself or one ' +
      'upstream) leads back to no farm, because a processor or reseller declares no provenance for it, or its provenance loops or ' +
      'runs past `maxDepth` links.',
  })
  unknownProvenance!: number;
}

@ObjectType({ description: 'Whether labelled goods are made from goods carrying the label too, along their supply chains.' })
export class LabelIntegrityReport {
  @Field(() => Label, {
    nullable: true,
    description: 'The label checked; null when any legal organic label was accepted (`organic: true`).',
  })
  label!: Label | null;

  @Field(() => Boolean, {
    description: 'True when any legal organic label (AB, EU organic, in conversion) was accepted, both on the checked links and upstream.',
  })
  organic!: boolean;

  @Field(() => Int, { description: 'The most links a chain was followed for, the checked link included.' })
  maxDepth!: number;

  @Field(() => IntegritySummary, { description: 'Counts of the links checked.' })
  summary!: IntegritySummary;

  @Field(() => [BrokenChain], {
    description:
      'Each break: by checked link id; for one link the lost labels (LABEL_LOST, CONVENTIONAL_FEED) by depth then break id, then ' +
      'the uncertified operators by depth then link id.',
  })
  brokenChains!: BrokenChain[];

  @Field(() => [SupplyLink], { description: 'The checked links counted in `unknownProvenance`, by id.' })
  unverifiedLinks!: SupplyLinkRow[];
}
