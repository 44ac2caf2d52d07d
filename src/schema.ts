import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { ActorResolver } from './actor';
import { ActorMutationResolver } from './actor/actor.mutations';
import { authChecker } from './auth';
import { AuditTrailResolver } from './auth/audit.resolver';
import { ChainResolver } from './chain';
import { GeoResolver } from './geo';
import { GraphResolver } from './graph';
import { ImportResolver } from './import';
import { LabelResolver } from './label';
import { NeedResolver } from './need';
import { NeedMutationResolver } from './need/need.mutations';
import { OfferResolver } from './offer';
import { OfferMutationResolver } from './offer/offer.mutations';
import { ProductResolver } from './product';
import { SearchResolver } from './search';
import { SupplyLinkResolver } from './supply';
import { SupplyLinkMutationResolver } from './supply/supply.mutations';
import { SupplierSearchResolver } from './supply-search';
import { MatchmakingResolver } from './matchmaking';
import { SupplyRiskResolver } from './risk';
import { CommuneResolver, DepartmentResolver, EpciResolver } from './territory';
import { ServiceResolver } from './service';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [
  ServiceResolver,
  ActorResolver,
  ActorMutationResolver,
  OfferResolver,
  OfferMutationResolver,
  NeedResolver,
  NeedMutationResolver,
  SupplyLinkResolver,
  SupplyLinkMutationResolver,
  ProductResolver,
  LabelResolver,
  CommuneResolver,
  EpciResolver,
  DepartmentResolver,
  ImportResolver,
  SearchResolver,
  GraphResolver,
  GeoResolver,
  ChainResolver,
  SupplierSearchResolver,
  MatchmakingResolver,
  SupplyRiskResolver,
  AuditTrailResolver,
];

/**
 * Builds the executable schema from the type-graphql classes. `validate: true` runs
 * class-validator on every input type, so bad input is rejected before any resolver runs.
 * Access is declared with `@Authorized(AccessRule...)` and decided by src/auth's authChecker;
 * authMode "null" makes a refused private field read null, while operation rules throw
 * UNAUTHENTICATED or FORBIDDEN themselves (docs/security.md).
 */
export function buildMaillonSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validate: { forbidUnknownValues: false }, authChecker, authMode: 'null' });
}
