import { Authorized, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../../auth';
import { Actor } from '../../actor';
import { Label } from '../../label';
import { Need } from '../../need';
import { Offer } from '../../offer';
import { VolumeUnit, Product } from '../../product';
import { LocalScope } from '../local';
import { SupplierMatch } from '../suppliers';
import { NeedCoverage } from './matchmaking.enums';

registerEnumType(NeedCoverage, {
  name: 'NeedCoverage',
  description: 'How far existing supply links to the buyer cover a need (product or narrower, with the required labels).',
  valuesConfig: {
    UNMET: { description: 'No supply link to the buyer is of the product (or a narrower one) with every required label.' },
    PARTIAL: { description: "Such links exist, but bring less than the need's volume in its unit (links in another unit add nothing)." },
    COVERED: { description: "Such links bring at least the need's volume." },
  },
});

@ObjectType({ description: 'What "local" meant when candidates were searched, for every buyer of the answer.' })
export class MatchmakingLocal {
  @Field(() => LocalScope, { description: 'The kind of definition, applied from each buyer.' })
  scope!: LocalScope;

  @Field(() => Float, { nullable: true, description: 'For RADIUS: the radius in km (great circle, from each buyer).' })
  radiusKm!: number | null;

  @Field(() => Boolean, { description: 'True when the client gave no definition and the default (a radius of 100 km) applied.' })
  isDefault!: boolean;

  @Field(() => String, { description: 'The definition in words, to quote in answers and reports.' })
  description!: string;
}

@ObjectType({
  description: 'A need that existing supply links do not cover (or cover only in part), with the suppliers who could meet it.',
})
export class UnmetNeed {
  @Field(() => Need, { description: 'The need.' })
  need!: Need;

  @Field(() => Actor, { description: 'The buyer who declared it.' })
  buyer!: Actor;

  @Field(() => Product, { description: 'The product wanted (a narrower one meets it).' })
  product!: Product;

  @Field(() => [Label], {
    description:
      'Labels the buyer requires; a required legal organic label is met by any legal organic label (AB, EU organic, in conversion), never by a private mark alone.',
  })
  requiredLabels!: Label[];

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume wanted per year, in unit. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of volume, coveredVolume and gap.' })
  unit!: VolumeUnit;

  @Field(() => NeedCoverage, { description: 'UNMET or PARTIAL (COVERED needs are not listed).' })
  coverage!: NeedCoverage;

  @Field(() => Int, {
    description: 'Supply links to the buyer that cover the need (product or narrower, every required label), whatever their unit.',
  })
  coveringLinks!: number;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, {
    nullable: true,
    description: `Volume those links bring per year, counting only links in the need's unit. ${CONFIDENTIAL_VOLUME_NOTE}`,
  })
  coveredVolume!: number;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `volume − coveredVolume: what is still to find. ${CONFIDENTIAL_VOLUME_NOTE}` })
  gap!: number;

  @Field(() => [SupplierMatch], {
    description:
      'The best candidate suppliers, ranked as the `suppliers` query ranks them (fewest intermediaries, then nearest); empty when the buyer has no place.',
  })
  candidates!: SupplierMatch[];
}

@ObjectType({ description: 'The needs of a buyer or territory that existing supply does not cover, each with its candidate suppliers.' })
export class UnmetNeeds {
  @Field(() => String, { description: 'Name of the buyer, EPCI or department asked about.' })
  scopeName!: string;

  @Field(() => MatchmakingLocal, { description: 'What "local" meant for the candidates.' })
  local!: MatchmakingLocal;

  @Field(() => Int, { description: 'The most intermediaries a candidate may have (1 = circuit court).' })
  maxIntermediaries!: number;

  @Field(() => Int, { description: 'Needs of the scope looked at, covered or not.' })
  checkedNeeds!: number;

  @Field(() => Int, { description: 'Of them, needs no supply link covers.' })
  unmetCount!: number;

  @Field(() => Int, { description: 'Of them, needs covered in part (listed only with includePartial).' })
  partialCount!: number;

  @Field(() => [UnmetNeed], { description: 'The unmet (and, with includePartial, partially met) needs, by buyer id then need id.' })
  needs!: UnmetNeed[];
}

@ObjectType({ description: 'A nearby buyer that needs what a producer offers and does not buy it from that producer yet.' })
export class PotentialBuyer {
  @Field(() => Need, { description: "The buyer's need." })
  need!: Need;

  @Field(() => Actor, { description: 'The buyer.' })
  buyer!: Actor;

  @Field(() => Product, { description: 'The product the need asks for (the producer offers it or a narrower one).' })
  product!: Product;

  @Field(() => [Label], {
    description: 'Labels the buyer requires (every matching offer carries them; any legal organic label meets a legal organic one).',
  })
  requiredLabels!: Label[];

  @Field(() => [Offer], { description: "The producer's offers that meet the need (product, labels, a month in common), by id." })
  offers!: Offer[];

  @Field(() => Float, { description: 'Great-circle distance in km from the producer to the buyer, to 0.1 km.' })
  distanceKm!: number;

  @Field(() => NeedCoverage, { description: "How far the buyer's existing supply (from other suppliers) already covers the need." })
  coverage!: NeedCoverage;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, {
    nullable: true,
    description: `Volume the buyer's existing covering links bring, in the need's unit. ${CONFIDENTIAL_VOLUME_NOTE}`,
  })
  coveredVolume!: number;
}

@ObjectType({ description: 'Buyers near a producer who need what it offers and do not buy it from it: leads for putting people in touch.' })
export class PotentialBuyers {
  @Field(() => Actor, { description: 'The producer asked about.' })
  producer!: Actor;

  @Field(() => Float, { description: 'The radius searched, in km (great circle, from the producer).' })
  radiusKm!: number;

  @Field(() => Int, { description: 'Potential buyers (one per need) within the radius, all pages together.' })
  totalCount!: number;

  @Field(() => [PotentialBuyer], { description: 'The first of them, nearest first, then by buyer id and need id.' })
  buyers!: PotentialBuyer[];
}
