import { IsISO8601, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common';

@ObjectType({
  description: 'One write, as the audit trail recorded it in the same transaction. Nothing in the API changes or deletes entries.',
})
export class AuditEntry {
  @Field(() => String) id!: string;

  @Field(() => String, { description: 'When the write committed (ISO 8601, UTC, millisecond precision).' })
  at!: string;

  @Field(() => String, { description: 'Account id (API keys), token subject (JWT), or cli:<user> for command-line tools.' })
  accountId!: string;

  @Field(() => String, { description: "The account's name when the write happened." })
  accountName!: string;

  @Field(() => String, { description: 'member, editor or admin.' })
  role!: string;

  @Field(() => String, { description: 'How the identity was proven: api-key, jwt or cli.' })
  via!: string;

  @Field(() => String, { description: 'CREATE, UPDATE, DELETE, IMPORT, CREATE_API_KEY or REVOKE_API_KEY.' })
  operation!: string;

  @Field(() => String, { description: 'Actor, Offer, Need, SupplyLink, Import or ApiKey.' })
  recordKind!: string;

  @Field(() => String, { nullable: true, description: 'The record written; null for an import.' })
  recordId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'JSON object of the changed fields before the write, as an import row names them; null for a creation.',
  })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON object of the changed fields after the write; null for a deletion.' })
  after!: string | null;

  @Field(() => String, { nullable: true, description: "An import's SHA-256 of its content (hex)." })
  fileSha256!: string | null;

  @Field(() => String, { nullable: true, description: "An import's JSON object of record counts." })
  counts!: string | null;
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'A page of the audit trail, newest first.');
export type AuditEntryConnection = InstanceType<typeof AuditEntryConnection>;

@InputType({ description: 'Which audit entries to list; every given condition must hold.' })
export class AuditTrailFilter {
  @Field(() => String, { nullable: true, description: 'Entries about this record id.' })
  @IsOptional()
  @MaxLength(200)
  recordId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries written by this account id (or token subject).' })
  @IsOptional()
  @MaxLength(200)
  accountId?: string | null;

  @Field(() => String, { nullable: true, description: 'Entries at or after this ISO 8601 date-time (e.g. 2026-11-30T00:00:00Z).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time such as 2026-11-30T00:00:00Z' })
  since?: string | null;
}

@ArgsType()
export class AuditPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `The first n entries after \`after\` (1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  @IsOptional()
  @Min(1, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  @Max(MAX_PAGE_SIZE, { message: `first must be between 1 and ${MAX_PAGE_SIZE}` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the entry to page forward from.' })
  @IsOptional()
  @MaxLength(500)
  after?: string | null;
}
