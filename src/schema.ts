import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { validateInput } from './common';
import { ActorResolver, ActorMutationResolver } from './actor';
import { authChecker, AuditTrailResolver } from './auth';
import { GeoJsonResolver } from './geojson';
import { ImportResolver } from './import';
import { LabelResolver } from './label';
import { ActorNeedsResolver, NeedResolver, NeedMutationResolver } from './need';
import { ActorOffersResolver, OfferResolver, OfferMutationResolver } from './offer';
import { ActorPageResolver } from './prefetch';
import { ProductResolver } from './product';
import { SearchResolver } from './search';
import { ActorTradeResolver, SupplyLinkResolver, SupplyLinkMutationResolver, TradePartnerResolver } from './supply';
import { ChainResolver, GraphResolver, MatchmakingResolver, SupplierSearchResolver, SupplyRiskResolver } from './reasoning';
import { CommuneResolver, DepartmentResolver, EpciResolver } from './territory';
import { AboutResolver } from './about';
import { TerritoryReportResolver } from './reports';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const RESOLVERS: NonEmptyArray<Function> = [
  AboutResolver,
  ActorResolver,
  ActorPageResolver,
  ActorOffersResolver,
  ActorNeedsResolver,
  ActorTradeResolver,
  TradePartnerResolver,
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
  GeoJsonResolver,
  ChainResolver,
  SupplierSearchResolver,
  MatchmakingResolver,
  SupplyRiskResolver,
  TerritoryReportResolver,
  AuditTrailResolver,
];

/**
 * Builds the executable schema from the type-graphql classes. `validateInput` runs class-validator
 * (and the class-level rules such as @ExactlyOneOf) on every input and args class, so bad input is
 * rejected before any resolver runs, with the first problem's message (src/common/validation.ts).
 * Access is declared with `@Authorized(AccessRule...)` and decided by src/auth's authChecker;
 * authMode "null" makes a refused private field read null, while operation rules throw
 * UNAUTHENTICATED or FORBIDDEN themselves (docs/security.md).
 */
export function buildMaillonSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: RESOLVERS, validateFn: validateInput, authChecker, authMode: 'null' });
}
