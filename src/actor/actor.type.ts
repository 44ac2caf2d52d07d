import { Authorized, Field, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, PRIVATE_FIELD_NOTE } from '../auth';
import { GeoPoint, Connection } from '../common';
import { ActorRole, MemberGroup } from './actor.enums';

registerEnumType(ActorRole, {
  name: 'ActorRole',
  description: 'What an actor does in the food system; an actor may have several roles.',
  valuesConfig: {
    FARM: { description: 'Farm (EARL, GAEC, individual); may process on the farm.' },
    COOPERATIVE: { description: 'Cooperative: grain collection and storage, wine, nuts...' },
    MILL: { description: 'Mill (minoterie).' },
    BAKERY: { description: 'Bakery or pastry.' },
    DAIRY: { description: 'Dairy or cheesemaker.' },
    PROCESSOR: { description: 'Other processor: ravioles, nougat, oil mill, distillery, pasta, cannery.' },
    SLAUGHTERHOUSE: { description: 'Abattoir or cutting plant: livestock in, carcasses and cuts out.' },
    WHOLESALER: { description: 'Wholesaler.' },
    FOOD_HUB: { description: 'Food hub or logistics platform.' },
    RETAILER: { description: 'Retailer: grocery, organic shop, butcher, supermarket.' },
    MARKET: { description: 'Market.' },
    RESTAURANT: { description: 'Restaurant.' },
    CENTRAL_KITCHEN: { description: 'Central kitchen (cuisine centrale) serving satellite canteens.' },
    CANTEEN: { description: 'Canteen: school restaurant, collège, hospital, care home.' },
    INSTITUTION: { description: 'Institution: Département, EPCI with a food plan, chamber.' },
  },
});
registerEnumType(MemberGroup, { name: 'MemberGroup', description: "Member group of the Club Drômois de l'Alimentation." });

@ObjectType({ description: 'An operator of the food system: a farm, a mill, a wholesaler, a canteen...' })
export class Actor {
  @Field(() => String, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => String, { description: 'Trade name.' })
  name!: string;

  @Field(() => [ActorRole], { description: 'Roles, at least one.' })
  roles!: ActorRole[];

  @Field(() => String, { description: 'SIRET: 14 digits.' })
  siret!: string;

  @Field(() => String, { nullable: true, description: 'Agence Bio operator number, for organic operators.' })
  agenceBioNumber!: string | null;

  @Field(() => Boolean, { description: "Member of the Club Drômois de l'Alimentation." })
  clubMember!: boolean;

  @Field(() => MemberGroup, { nullable: true, description: 'The club member group, for members.' })
  memberGroup!: MemberGroup | null;

  @Authorized(AccessRule.OWNER)
  @Field(() => String, { nullable: true, description: `Contact email address. ${PRIVATE_FIELD_NOTE}` })
  email!: string | null;

  @Authorized(AccessRule.OWNER)
  @Field(() => String, { nullable: true, description: `Contact phone number. ${PRIVATE_FIELD_NOTE}` })
  phone!: string | null;

  @Field(() => String, { nullable: true }) website!: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, in French.' })
  description!: string | null;

  @Field(() => GeoPoint, { description: "Where it operates (its commune's centroid when not given)." })
  location!: GeoPoint;

  /** Read by the `confidentialVolumes` field resolver (absent on actors written before the flag existed). */
  confidentialVolumes?: boolean | null;

  /** Read by the `fictitious` field resolver (absent on actors written before the flag existed). */
  fictitious?: boolean | null;

  /** Read by the `publicBuyer` field resolver (absent on actors written before the fact existed). */
  publicBuyer?: boolean | null;

  /** Set by queries that compute a distance, read by the `distanceKm` field. */
  distanceKm?: number | null;
}

export const ActorConnection = Connection(Actor, 'Actor', 'A page of actors.');
export type ActorConnection = InstanceType<typeof ActorConnection>;
