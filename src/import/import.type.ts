import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional, MaxLength, MinLength } from 'class-validator';

export enum ImportFormatEnum {
  CSV = 'csv',
  JSON = 'json',
}
registerEnumType(ImportFormatEnum, { name: 'ImportFormat', description: 'Format of an import file (see docs/import.md).' });

export enum RecordKindEnum {
  ACTORS = 'actors',
  OFFERS = 'offers',
  NEEDS = 'needs',
  SUPPLY_LINKS = 'supplyLinks',
}
registerEnumType(RecordKindEnum, { name: 'RecordKind', description: 'What the rows of a CSV file or a JSON array are.' });

/** 20 MB: the HTTP body limit; larger files go through `npm run import`. */
export const MAX_IMPORT_CHARS = 20_000_000;

@InputType({ description: 'A file of actors, offers, needs or supply links, as `npm run import` takes it.' })
export class ImportInput {
  @Field(() => ImportFormatEnum, { description: 'CSV (one record kind per file) or JSON.' })
  @IsEnum(ImportFormatEnum)
  format!: ImportFormatEnum;

  @Field(() => RecordKindEnum, {
    nullable: true,
    description: 'Record kind of a CSV file or a JSON array; detected from the columns when absent.',
  })
  @IsOptional()
  @IsEnum(RecordKindEnum)
  kind?: RecordKindEnum;

  @Field(() => String, { description: 'The file content (UTF-8 text).' })
  @MinLength(1, { message: 'content is empty: give the text of a CSV or JSON file' })
  @MaxLength(MAX_IMPORT_CHARS, { message: 'content is larger than 20 MB: use npm run import for large files' })
  content!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Validate only: report what would be written, write nothing.' })
  @IsBoolean()
  dryRun!: boolean;
}

@ObjectType({ description: 'How many records of each kind a valid file holds.' })
export class ImportCounts {
  @Field(() => Int) actors!: number;
  @Field(() => Int) offers!: number;
  @Field(() => Int) needs!: number;
  @Field(() => Int) supplyLinks!: number;
}

@ObjectType({ description: 'The outcome of a valid import. An invalid file gets a BAD_USER_INPUT error listing its issues instead.' })
export class ImportResult {
  @Field(() => Boolean, { description: 'False for a dry run.' })
  written!: boolean;

  @Field(() => ImportCounts, { description: 'Records in the file, written as upserts by id (re-importing the same file changes nothing).' })
  counts!: ImportCounts;
}
