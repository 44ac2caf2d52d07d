import { Authorized, Field, Float, Int, ObjectType } from 'type-graphql';
import { AccessRule, CONFIDENTIAL_VOLUME_NOTE } from '../../auth';
import { Actor } from '../../actor';
import { Need } from '../../need';
import { VolumeUnit, Product } from '../../product';

@ObjectType({ description: 'A need whose covering supply links all come from one supplier.' })
export class SingleSupplierNeed {
  @Field(() => Need, { description: 'The need.' })
  need!: Need;

  @Field(() => Actor, { description: 'The buyer who declared it.' })
  buyer!: Actor;

  @Field(() => Product, { description: 'The product wanted.' })
  product!: Product;

  @Field(() => Actor, { description: 'The one supplier whose links cover it.' })
  supplier!: Actor;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, { nullable: true, description: `Volume wanted per year, in unit. ${CONFIDENTIAL_VOLUME_NOTE}` })
  volume!: number;

  @Field(() => VolumeUnit, { description: 'Unit of volume and coveredVolume.' })
  unit!: VolumeUnit;

  @Authorized(AccessRule.VOLUME)
  @Field(() => Float, {
    nullable: true,
    description: `Volume the supplier's covering links bring per year, in the need's unit. ${CONFIDENTIAL_VOLUME_NOTE}`,
  })
  coveredVolume!: number;
}

@ObjectType({ description: 'A volume in one unit (volumes in different units are never added).' })
export class UnitVolume {
  @Field(() => VolumeUnit, { description: 'The unit.' })
  unit!: VolumeUnit;

  @Field(() => Float, { description: 'The volume, in unit.' })
  volume!: number;
}

@ObjectType({ description: 'A supplier whose disappearance would leave needs of the territory uncovered: the needs it alone covers.' })
export class CriticalActor {
  @Field(() => Actor, { description: 'The supplier.' })
  actor!: Actor;

  @Field(() => Int, { description: "Needs of the territory's buyers that only its links cover." })
  needsAffected!: number;

  @Field(() => Int, { description: 'Distinct buyers of those needs.' })
  buyersAffected!: number;

  @Field(() => [UnitVolume], { description: 'The need volume that would become uncovered, per unit (by unit name).' })
  uncoveredVolumes!: UnitVolume[];

  @Field(() => [Need], { description: 'Those needs, by buyer id then need id.' })
  needs!: Need[];
}

@ObjectType({ description: "How much of what a territory's actors buy comes from suppliers located outside it." })
export class OutsideShare {
  @Field(() => Int, { description: 'Supply links bought by actors located in the territory.' })
  links!: number;

  @Field(() => Int, { description: 'Of them, links whose supplier is located outside the territory.' })
  outsideLinks!: number;

  @Field(() => Float, { nullable: true, description: 'outsideLinks / links; null without links.' })
  linkShare!: number | null;

  @Field(() => Float, { description: 'Purchase value excl. VAT per year of those links, in euros (links without a value count 0).' })
  valueEur!: number;

  @Field(() => Float, { description: 'Of it, the value bought from suppliers outside the territory, in euros.' })
  outsideValueEur!: number;

  @Field(() => Float, { nullable: true, description: 'outsideValueEur / valueEur; null when no link has a value.' })
  valueShare!: number | null;

  @Field(() => Int, { description: 'Links without a valueEur: counted in links, not in the euro figures.' })
  linksWithoutValue!: number;
}

@ObjectType({
  description:
    'Supply risks of a territory: needs hanging on one supplier, the suppliers whose loss would hurt most, and dependence on the outside.',
})
export class SupplyRisk {
  @Field(() => String, { description: 'Name of the EPCI or department.' })
  scopeName!: string;

  @Field(() => Int, { description: 'Needs of the buyers located in the territory.' })
  checkedNeeds!: number;

  @Field(() => Int, { description: 'Of them, needs at least one supply link covers (product or narrower, every required label).' })
  coveredNeeds!: number;

  @Field(() => [SingleSupplierNeed], {
    description: 'Covered needs whose covering links all come from one supplier, by buyer id then need id.',
  })
  singleSupplierNeeds!: SingleSupplierNeed[];

  @Field(() => [CriticalActor], {
    description:
      'The top suppliers by needs they alone cover (then buyers affected, then id): what their disappearance would leave uncovered.',
  })
  criticalActors!: CriticalActor[];

  @Field(() => OutsideShare, {
    description: "The share of the territory's purchases (by value and by links) from suppliers located outside it.",
  })
  outsideShare!: OutsideShare;
}
