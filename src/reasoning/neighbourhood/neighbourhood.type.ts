import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../../auth';
import { ActorRole } from '../../actor';
import { GeoPoint } from '../../common';
import { VolumeUnit } from '../../product';

/** What a node of a graph view stands for. Only actors today; products or territories may follow. */
export enum GraphNodeKind {
  ACTOR = 'ACTOR',
}

registerEnumType(GraphNodeKind, {
  name: 'GraphNodeKind',
  description: 'What a node of a graph view stands for (style nodes by it).',
  valuesConfig: { ACTOR: { description: 'An actor (its `id` is the actor id).' } },
});

@ObjectType({ description: 'A node of a graph view: an actor, with what a graph library needs to draw and place it.' })
export class GraphNode {
  @Field(() => String, { description: 'Node id: the actor id (edges refer to it in `source` and `target`).' })
  id!: string;

  @Field(() => String, { description: "Display name: the actor's trade name." })
  label!: string;

  @Field(() => GraphNodeKind, { description: 'What the node stands for.' })
  kind!: GraphNodeKind;

  @Field(() => [ActorRole], { description: "The actor's roles." })
  roles!: ActorRole[];

  @Field(() => GeoPoint, { description: 'Where the actor operates, for geographic layouts.' })
  position!: GeoPoint;

  @Field(() => String, { description: "Name of the actor's commune." })
  communeName!: string;

  @Field(() => Boolean, { description: "Member of the Club Drômois de l'Alimentation." })
  clubMember!: boolean;

  @Field(() => Int, { description: 'Supply-link hops from the centre along the shortest path (0 for the centre).' })
  depth!: number;
}

@ObjectType({ description: 'An edge of a graph view: one supply link, from the supplier (`source`) to the buyer (`target`).' })
export class GraphEdge {
  @Field(() => String, { description: 'Edge id: the supply link id.' })
  id!: string;

  @Field(() => String, { description: 'Id of the supplier node.' })
  source!: string;

  @Field(() => String, { description: 'Id of the buyer node.' })
  target!: string;

  @Field(() => String, { description: 'Id of the product traded.' })
  productId!: string;

  @Field(() => String, { description: 'Name of the product traded.' })
  productName!: string;

  @Field(() => [String], { description: 'Ids of the labels the goods carry ("ab"), in id order.' })
  labels!: string[];

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume traded per year, in \`unit\`. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of `volume`.' })
  unit!: VolumeUnit;

  @Field(() => Float, { description: 'Great-circle distance between supplier and buyer, in km.' })
  distanceKm!: number;
}

@ObjectType({
  description:
    'A graph ready for a graph library (Cytoscape, Sigma/graphology, vis.js): nodes, and edges that refer to them by id. ' +
    "Every edge's `source` and `target` are among `nodes`.",
})
export class Graph {
  @Field(() => [GraphNode], { description: 'The nodes, nearest first (by depth, then name).' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'The edges, by id.' })
  edges!: GraphEdge[];

  @Field(() => Boolean, {
    description:
      'True when more nodes were reachable than the cap allows: the farthest ones were left out. Narrow the filter or the depth.',
  })
  truncated!: boolean;
}
