/** ma-cantine's purchase families, under which canteens declare their EGalim purchases. */
export enum PurchaseFamily {
  MEAT_POULTRY = 'MEAT_POULTRY',
  SEAFOOD = 'SEAFOOD',
  FRUIT_VEGETABLES = 'FRUIT_VEGETABLES',
  CEREAL_PRODUCTS = 'CEREAL_PRODUCTS',
  DAIRY = 'DAIRY',
  BAKERY = 'BAKERY',
  DRINKS = 'DRINKS',
  OTHER = 'OTHER',
}

/** Units in which volumes and capacities are counted. */
export enum VolumeUnit {
  KG = 'KG',
  TONNE = 'TONNE',
  LITRE = 'LITRE',
  HECTOLITRE = 'HECTOLITRE',
  UNIT = 'UNIT',
  DOZEN = 'DOZEN',
  MEAL = 'MEAL',
}

export const PURCHASE_FAMILIES = Object.values(PurchaseFamily);
export const VOLUME_UNITS = Object.values(VolumeUnit);
