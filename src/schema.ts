import 'reflect-metadata';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { validateInput } from './common';
import { ActorResolver, ActorMutationResolver } from './actor';
import { authChecker, AuditTrailResolver } from './auth';
import { GeoJsonResolver } from './geojson';
import { ImportResolver } from './import';
import { LabelResolver } from './label';
import { ActorNeedsResolver, NeedResolver, NeedMutationResolver } from './need';
import { ActorOffersResolver, OfferResolver, OfferMutationResolver } from './offer';
import { ActorPageResolver, answerFromRows } from './prefetch';
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
 * UNAUTHENTICATED or FORBIDDEN themselves (docs/security.md). A page of actors answers some
 * relationship fields from its own rows (src/prefetch, `answerFromRows`): never a field with a rule.
 */
export async function buildMaillonSchema(): Promise<GraphQLSchema> {
  // No global middlewares: readPlainFieldsDirectly relies on it.
  const schema = await buildSchema({ resolvers: RESOLVERS, validateFn: validateInput, authChecker, authMode: 'null' });
  return answerFromRows(readPlainFieldsDirectly(schema), hasAccessRule);
}

/**
 * Lets the executor read each plain field (a property of its class, without a field resolver, an
 * access rule or a middleware) straight from the object. type-graphql gives every such field a
 * resolver that builds a `{root, args, context, info}` object and runs an empty middleware chain
 * before returning `root[name]`: on a page of 50 actors that is about 2,000 calls, and for each a
 * resolve info the compiled executor must build (issue 13, W3). Without a resolver, graphql-jit
 * reads the property inline and graphql-js uses its default resolver: the same value. A field with
 * `@Authorized` keeps its resolver, hence its rule; so does any field whose GraphQL name differs
 * from its property name, every field of an interface, and a property declared as a promise or a
 * function (a connection's lazy `totalCount`): graphql-js's default resolver awaits or calls those,
 * graphql-jit's inline read does not. This is type-graphql's own `simple: true`, applied once here
 * rather than on some 400 fields.
 */
function readPlainFieldsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const resolved = new Set(storage.fieldResolvers.map((r) => `${r.getObjectType?.()?.name ?? '?'}.${r.methodName}`));
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const plain =
        field.roles === undefined &&
        !field.middlewares?.length &&
        field.name === field.schemaName &&
        !resolved.has(`${objectType.target.name}.${field.name}`) &&
        !holdsPromiseOrFunction(objectType.target, field.name);
      if (plain && fields[field.schemaName]) fields[field.schemaName].resolve = undefined;
    }
  }
  return schema;
}

/**
 * Whether a class property is declared (TypeScript's emitted design type) as a promise or a function.
 * A union (`Promise<T> | null`) is emitted as Object and not seen: declare a lazy value as a bare
 * `Promise<T>`, as the connections' `totalCount` is.
 */
function holdsPromiseOrFunction(target: { prototype: unknown }, property: string): boolean {
  const declared: unknown = Reflect.getMetadata('design:type', target.prototype as object, property);
  return declared === Promise || declared === Function;
}

/** True when a field of an object type declares `@Authorized` (on the type's field or on its field resolver: type-graphql copies the latter onto the former). */
export function hasAccessRule(typeName: string, fieldName: string): boolean {
  const type = getMetadataStorage().objectTypes.find((t) => t.name === typeName);
  return type?.fields?.find((f) => f.schemaName === fieldName)?.roles !== undefined;
}
