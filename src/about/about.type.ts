import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What this Maillon service is and which graph database it answers from.' })
export class ServiceInfo {
  @Field(() => String, { description: 'Service name.' })
  name!: string;

  @Field(() => String, { description: 'Version of the Maillon API (package.json).' })
  version!: string;

  @Field(() => String, { description: 'The graph database server answering, as it names itself (e.g. "Neo4j/5.26.30").' })
  database!: string;
}
