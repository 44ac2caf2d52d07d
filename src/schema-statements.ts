import { ACTOR_SCHEMA } from './actor/actor.cypher';
import { AUTH_SCHEMA } from './auth/auth.schema';
import type { Backfill, SchemaStatement } from './db';
import { LABEL_SCHEMA } from './label/label.cypher';
import { NEED_SCHEMA } from './need/need.cypher';
import { OFFER_BACKFILLS, OFFER_SCHEMA } from './offer/offer.cypher';
import { PRODUCT_SCHEMA } from './product/product.cypher';
import { SEARCH_SCHEMA } from './search/search.cypher';
import { SUPPLY_SCHEMA } from './supply/supply.cypher';
import { TERRITORY_SCHEMA } from './territory/territory.cypher';

/** Every constraint and index of the graph, gathered from the domain folders (docs/model.md lists them). */
export const SCHEMA_STATEMENTS: SchemaStatement[] = [
  ...TERRITORY_SCHEMA,
  ...ACTOR_SCHEMA,
  ...PRODUCT_SCHEMA,
  ...LABEL_SCHEMA,
  ...OFFER_SCHEMA,
  ...NEED_SCHEMA,
  ...SUPPLY_SCHEMA,
  ...SEARCH_SCHEMA,
  ...AUTH_SCHEMA,
];

/** Data changes that bring a graph written by an earlier version up to the model (run after the schema). */
export const BACKFILLS: Backfill[] = [...OFFER_BACKFILLS];
