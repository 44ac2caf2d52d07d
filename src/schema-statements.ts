import { ACTOR_SCHEMA } from './actor';
import { AUTH_SCHEMA } from './auth';
import type { Backfill, SchemaStatement } from './db';
import { LABEL_SCHEMA } from './label';
import { NEED_SCHEMA } from './need';
import { OFFER_BACKFILLS, OFFER_SCHEMA } from './offer';
import { PRODUCT_SCHEMA } from './product';
import { SEARCH_SCHEMA } from './search';
import { SUPPLY_BACKFILLS, SUPPLY_SCHEMA } from './supply';
import { TERRITORY_SCHEMA } from './territory';

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
export const BACKFILLS: Backfill[] = [...OFFER_BACKFILLS, ...SUPPLY_BACKFILLS];
