import { Field, Int, ObjectType } from 'type-graphql';
import { GeoPoint } from '../common';

@ObjectType({ description: 'A French region (INSEE).' })
export class Region {
  @Field(() => String, { description: 'INSEE region code ("84" is Auvergne-Rhône-Alpes).' })
  code!: string;

  @Field(() => String, { description: 'Official name.' })
  name!: string;
}

@ObjectType({ description: 'A French department (INSEE).' })
export class Department {
  @Field(() => String, { description: 'INSEE department code ("26" is the Drôme).' })
  code!: string;

  @Field(() => String, { description: 'Official name.' })
  name!: string;

  @Field(() => String, { description: 'INSEE code of the prefecture commune.' })
  prefectureInsee!: string;
}

@ObjectType({ description: 'An intercommunality (établissement public de coopération intercommunale).' })
export class Epci {
  @Field(() => String, { description: 'SIREN number ("200068781" is CA Valence Romans Agglo).' })
  siren!: string;

  @Field(() => String, { description: 'Official name.' })
  name!: string;

  @Field(() => String, { description: "CA (communauté d'agglomération), CC (de communes), CU (urbaine) or METRO (métropole)." })
  kind!: string;

  @Field(() => Int, { nullable: true, description: 'Municipal population (INSEE).' })
  population!: number | null;
}

@ObjectType({ description: 'A commune (municipality), the finest unit of the geography.' })
export class Commune {
  @Field(() => String, { description: 'INSEE code (Code officiel géographique): "26362" is Valence.' })
  insee!: string;

  @Field(() => String, { description: 'Official name, with accents.' })
  name!: string;

  @Field(() => [String], { description: 'Postal codes.' })
  postalCodes!: string[];

  @Field(() => Int, { description: 'Municipal population (INSEE).' })
  population!: number;

  @Field(() => GeoPoint, { description: "Centroid of the commune's territory." })
  location!: GeoPoint;
}
