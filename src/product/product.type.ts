import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ProductKingdom, PurchaseFamily, VolumeUnit } from './product.enums';

registerEnumType(PurchaseFamily, {
  name: 'PurchaseFamily',
  description: 'ma-cantine purchase family, under which canteens declare their EGalim purchases.',
});
registerEnumType(ProductKingdom, {
  name: 'ProductKingdom',
  description:
    'Whether a product comes from plants, animals or both (MIXED: a brioche, a nougat, a meal). "In conversion" counts as organic for PLANT products only (EU 2018/848 art. 30, EGalim).',
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

  @Field(() => ProductKingdom, {
    nullable: true,
    description:
      'PLANT, ANIMAL or MIXED, declared on a broad product and inherited by the narrower ones; null when the catalog says nothing.',
  })
  kingdom!: ProductKingdom | null;
}
