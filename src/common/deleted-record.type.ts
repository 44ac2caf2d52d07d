import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What a delete took with it besides the record itself.' })
export class DeletionCounts {
  @Field(() => Int, { description: 'Offers deleted with their actor.' })
  offers!: number;

  @Field(() => Int, { description: 'Needs deleted with their actor.' })
  needs!: number;

  @Field(() => Int, { description: 'Supply links deleted because the deleted actor was their supplier or buyer.' })
  supplyLinks!: number;

  @Field(() => Int, {
    description:
      'Provenance (SOURCED_FROM) relationships removed between a deleted supply link and another link: each is a link that lost an input or an output.',
  })
  provenanceRelationships!: number;
}

@ObjectType({ description: 'The outcome of a delete. Deleting an unknown id fails with NOT_FOUND instead.' })
export class DeletedRecord {
  @Field(() => String, { description: 'Identifier of the deleted record; it no longer exists.' })
  id!: string;

  @Field(() => DeletionCounts, { description: 'Records and relationships deleted with it (all zero when nothing depended on it).' })
  cascade!: DeletionCounts;
}

/** Counts of a delete that took nothing with it. */
export function noCascade(): DeletionCounts {
  return { offers: 0, needs: 0, supplyLinks: 0, provenanceRelationships: 0 };
}
