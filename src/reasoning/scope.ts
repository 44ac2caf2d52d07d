import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field } from 'type-graphql';
import { NotBlank, toAlternatives, type ClassRuleMessage } from '../common';
import type { EntityName } from '../errors';
import { DEPARTMENT_CODE, DEPARTMENT_CODE_MESSAGE, EPCI_SIREN, EPCI_SIREN_MESSAGE } from '../records';

/**
 * The scope of a question: whose needs, links or purchases it looks at (one actor, or the actors
 * located in an EPCI or a department; for label integrity also one product). A scope input gives
 * exactly one field (its class carries `@ExactlyOneOf(fields, exactlyOneScope)`), so a question
 * receives a valid one and only picks it (toScope). This file owns the scope's input fields and
 * their rules, the choice, its Cypher parameter ($scopeId) and the Cypher fragments that find a
 * scope's actors.
 */

/** How a scope's actors are found; fixed Cypher per kind, never user input. */
export enum ActorScopeKind {
  ACTOR = 'ACTOR',
  EPCI = 'EPCI',
  DEPARTMENT = 'DEPARTMENT',
}

/** The parts of a statement that differ with the scope kind. */
interface ScopeFragments {
  /** Binds `t`, the scope's node (null when unknown). */
  scope: string;
  /** Binds `b`, every actor of the scope. */
  actors: string;
  /** A pattern true when actor `s` lies in the scope (for "outside" checks). */
  contains: (variable: string) => string;
}

/** The Cypher of each actor scope. Params: $scopeId. */
export const SCOPE_FRAGMENTS: Readonly<Record<ActorScopeKind, ScopeFragments>> = {
  [ActorScopeKind.ACTOR]: {
    scope: 'OPTIONAL MATCH (t:Actor {id: $scopeId})',
    actors: 'MATCH (b:Actor {id: $scopeId})',
    contains: (v) => `(${v}:Actor {id: $scopeId})`,
  },
  [ActorScopeKind.EPCI]: {
    scope: 'OPTIONAL MATCH (t:Epci {siren: $scopeId})',
    actors: 'MATCH (b:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: $scopeId})',
    contains: (v) => `(${v})-[:LOCATED_IN]->(:Commune)-[:IN_EPCI]->(:Epci {siren: $scopeId})`,
  },
  [ActorScopeKind.DEPARTMENT]: {
    scope: 'OPTIONAL MATCH (t:Department {code: $scopeId})',
    actors: 'MATCH (b:Actor)-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(:Department {code: $scopeId})',
    contains: (v) => `(${v})-[:LOCATED_IN]->(:Commune)-[:IN_DEPARTMENT]->(:Department {code: $scopeId})`,
  },
};

/** "Give exactly one scope: actorId, epciSiren or departmentCode; got none": the message of every scope input. */
export const exactlyOneScope: ClassRuleMessage = (given, fields) =>
  `Give exactly one scope: ${toAlternatives(fields)}; got ${given.length === 0 ? 'none' : given.join(' and ')}`;

/** A scope field of an input, the kind it selects and the entity NOT_FOUND names. */
export interface ScopeField<F extends string, K extends string> {
  field: F;
  kind: K;
  entity: EntityName;
}

/** The chosen scope: its kind, the id given, the entity NOT_FOUND names. */
export interface Scope<K extends string> {
  kind: K;
  id: string;
  entity: EntityName;
}

/**
 * The scope a valid input chose (exactly one of `fields` given, as its `@ExactlyOneOf` ensures).
 * Throws a plain Error for an input that skipped validation: a bug, not a client error.
 */
export function toScope<F extends string, K extends string>(
  input: Partial<Record<F, string | null>>,
  fields: readonly ScopeField<F, K>[],
): Scope<K> {
  const given = fields.filter((f) => input[f.field] != null);
  if (given.length !== 1) throw new Error(`toScope: expected exactly one of ${fields.map((f) => f.field).join(', ')}, got ${given.length}`);
  const [chosen] = given;
  return { kind: chosen.kind, id: input[chosen.field]!, entity: chosen.entity };
}

/** The scope's Cypher parameter. */
export function toScopeParams(scope: Scope<string>): { scopeId: string } {
  return { scopeId: scope.id };
}

/** A property decorator made of several. */
function all(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** Scope field: an actor id (optional, at most 64 characters). */
export const ActorIdScopeField = (description: string) =>
  all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    NotBlank(),
    MaxLength(64),
  );

/** Scope field: a product id (optional, at most 100 characters). */
export const ProductIdScopeField = (description: string) =>
  all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    NotBlank(),
    MaxLength(100),
  );

/** Scope field: an EPCI's SIREN (optional, 9 digits). */
export const EpciSirenScopeField = (description: string) =>
  all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    NotBlank(),
    Matches(EPCI_SIREN, { message: EPCI_SIREN_MESSAGE }),
  );

/** Scope field: a department code (optional, "26", "2A", "974"). */
export const DepartmentCodeScopeField = (description: string) =>
  all(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    NotBlank(),
    Matches(DEPARTMENT_CODE, { message: DEPARTMENT_CODE_MESSAGE }),
  );
