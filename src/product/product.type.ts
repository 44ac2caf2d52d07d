import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { PurchaseFamily, VolumeUnit } from './product.enums';

registerEnumType(PurchaseFamily, {
  name: 'PurchaseFamily',
  description: 'ma-cantine purchase family, under which canteens declare their EGalim purchases.',
});
registerEnumType(VolumeUnit, { name: 'VolumeUnit', description: 'Unit of a volume or capacity.' });

@ObjectType({ description: 'A product of the taxonomy (broader / narrower), with its transformations.' })
export class Product {
  @Field(() => String, { description: 'Stable slug ("farine-ble-t80").' })
  id!: string;

  @Field(() => String, { description: 'French name ("Farine de blé T80").' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'English name.' })
  nameEn!: string | null;

  @Field(() => PurchaseFamily, { description: 'ma-cantine purchase family.' })
  family!: PurchaseFamily;
}
