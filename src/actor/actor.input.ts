import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { GeoPointInput } from '../common';
import { NearInput } from '../territory';
import {
  ACTOR_ROLES,
  COMMUNE_INSEE,
  COMMUNE_INSEE_MESSAGE,
  DEPARTMENT_CODE,
  DEPARTMENT_CODE_MESSAGE,
  EPCI_SIREN,
  EPCI_SIREN_MESSAGE,
  IsRecordId,
  IsRecordKey,
  KeptWhenLeftOut,
  MAX_AGENCE_BIO_NUMBER_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_NAME_LENGTH,
} from '../records';
import { ActorRole, MemberGroup } from './actor.enums';

export enum ActorSort {
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
}
registerEnumType(ActorSort, {
  name: 'ActorSort',
  description: 'Order of an actor list.',
  valuesConfig: {
    NAME: { description: 'By name, then id (the default).' },
    DISTANCE: { description: 'Nearest first from the `near` place of the filter (required), then by id.' },
  },
});

@InputType({ description: 'Filters on actors; all given filters must hold.' })
export class ActorFilter {
  @Field(() => [ActorRole], { nullable: true, description: 'Has any of these roles.' })
  @IsOptional()
  @ArrayMaxSize(ACTOR_ROLES.length)
  roles?: ActorRole[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Offers this product or a narrower one (product id: "farine" matches offers of "farine-ble-t80").',
  })
  @IsOptional()
  @MaxLength(100)
  productId?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Offers something carrying all these labels (with productId: that product with these labels).',
  })
  @IsOptional()
  @ArrayMaxSize(10)
  labelIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Offers something legally organic as EGalim counts it (AB, EU organic; in conversion for plant products only; with productId: that product).',
  })
  @IsOptional()
  organic?: boolean | null;

  @Field(() => String, { nullable: true, description: 'In this commune (INSEE code).' })
  @IsOptional()
  @Matches(COMMUNE_INSEE, { message: COMMUNE_INSEE_MESSAGE })
  communeInsee?: string | null;

  @Field(() => String, { nullable: true, description: 'In this EPCI (SIREN).' })
  @IsOptional()
  @Matches(EPCI_SIREN, { message: EPCI_SIREN_MESSAGE })
  epciSiren?: string | null;

  @Field(() => String, { nullable: true, description: 'In this department (INSEE code, "26").' })
  @IsOptional()
  @Matches(DEPARTMENT_CODE, { message: DEPARTMENT_CODE_MESSAGE })
  departmentCode?: string | null;

  @Field(() => NearInput, { nullable: true, description: 'Within a great-circle distance of a commune or a point.' })
  @IsOptional()
  @ValidateNested()
  near?: NearInput | null;

  @Field(() => Boolean, { nullable: true, description: 'Member of the club (true) or not (false).' })
  @IsOptional()
  clubMember?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Name matches this text (full-text: accent- and case-insensitive, words may be prefixes).',
  })
  @IsOptional()
  @MinLength(1)
  @MaxLength(200)
  text?: string | null;
}

@InputType({
  description:
    'A new actor. Checked like a row of an actor import (docs/import.md): a Luhn-valid SIRET no other actor holds, a commune of the Drôme or a neighbouring department...',
})
export class CreateActorInput {
  @Field(() => String, {
    nullable: true,
    description: 'Identifier; a new `act-<uuid>` when left out. CONFLICT when an actor already has it.',
  })
  @IsOptional()
  @IsRecordId()
  id?: string | null;

  @Field(() => String, { description: 'Trade name, at most 200 characters.' })
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  name!: string;

  @Field(() => [ActorRole], { description: 'Roles, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(ACTOR_ROLES.length)
  roles!: ActorRole[];

  @Field(() => String, {
    description: 'SIRET: 14 digits (spaces allowed) with a valid Luhn check digit. CONFLICT when another actor holds it.',
  })
  @MaxLength(32)
  siret!: string;

  @Field(() => String, { nullable: true, description: 'Agence Bio operator number, for organic operators.' })
  @IsOptional()
  @MaxLength(MAX_AGENCE_BIO_NUMBER_LENGTH)
  agenceBioNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Member of the Club Drômois de l'Alimentation; false when left out." })
  @IsOptional()
  clubMember?: boolean | null;

  @Field(() => MemberGroup, { nullable: true, description: 'The club member group, for members.' })
  @IsOptional()
  memberGroup?: MemberGroup | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Keep its volumes (offer capacities, need volumes, supply-link volumes) visible only to its own accounts and club editors; false when left out.',
  })
  @IsOptional()
  confidentialVolumes?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'An invented operator (demonstration data), not a real firm; false when left out.' })
  @IsOptional()
  fictitious?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'A buyer under public law (local authority and its kitchens, public collège or hospital), whose EGalim shares are public; false when left out.',
  })
  @IsOptional()
  publicBuyer?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number, 6 to 15 digits.' })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website address.' })
  @IsOptional()
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, in French, at most 2000 characters.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => String, { description: 'INSEE code of the commune it operates in ("26362" is Valence).' })
  @IsRecordKey()
  communeInsee!: string;

  @Field(() => GeoPointInput, { nullable: true, description: "Where it operates; its commune's centroid when left out." })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;
}

@InputType({
  description: 'Changes to an actor: only the fields given change; null clears an optional field. Checked like a row of an actor import.',
})
export class UpdateActorInput {
  @Field(() => String, { nullable: true, description: 'Trade name, at most 200 characters.' })
  @KeptWhenLeftOut()
  @MinLength(1)
  @MaxLength(MAX_NAME_LENGTH)
  name?: string;

  @Field(() => [ActorRole], { nullable: true, description: 'Roles, at least one; replaces the current roles.' })
  @KeptWhenLeftOut()
  @ArrayMinSize(1)
  @ArrayMaxSize(ACTOR_ROLES.length)
  roles?: ActorRole[];

  @Field(() => String, {
    nullable: true,
    description: 'SIRET: 14 digits with a valid Luhn check digit. CONFLICT when another actor holds it.',
  })
  @KeptWhenLeftOut()
  @MaxLength(32)
  siret?: string;

  @Field(() => String, { nullable: true, description: 'Agence Bio operator number.' })
  @IsOptional()
  @MaxLength(MAX_AGENCE_BIO_NUMBER_LENGTH)
  agenceBioNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Member of the Club Drômois de l'Alimentation." })
  @KeptWhenLeftOut()
  @IsBoolean()
  clubMember?: boolean;

  @Field(() => MemberGroup, { nullable: true, description: 'The club member group.' })
  @IsOptional()
  memberGroup?: MemberGroup | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Keep its volumes visible only to its own accounts and club editors (true) or public (false).',
  })
  @KeptWhenLeftOut()
  @IsBoolean()
  confidentialVolumes?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'An invented operator (demonstration data), not a real firm.' })
  @KeptWhenLeftOut()
  @IsBoolean()
  fictitious?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'A buyer under public law (local authority and its kitchens, public collège or hospital), whose EGalim shares are public.',
  })
  @KeptWhenLeftOut()
  @IsBoolean()
  publicBuyer?: boolean;

  @Field(() => String, { nullable: true, description: 'Contact email address.' })
  @IsOptional()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact phone number, 6 to 15 digits.' })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Website address.' })
  @IsOptional()
  @MaxLength(500)
  website?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, in French, at most 2000 characters.' })
  @IsOptional()
  @MaxLength(MAX_DESCRIPTION_LENGTH)
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "INSEE code of its new commune. An actor whose location was never given moves to the new commune's centroid.",
  })
  @KeptWhenLeftOut()
  @IsRecordKey()
  communeInsee?: string;

  @Field(() => GeoPointInput, { nullable: true, description: "Where it operates; null puts it back at its commune's centroid." })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;
}
