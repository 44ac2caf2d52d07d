import { useMemo } from 'react';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { buildSchema } from 'graphql';
import schemaSdl from '../../../schema/schema.graphql?raw';
import { credentialHeaders, readCredential } from '../lib/session';

/** The documented operations (schema/operations/), one tab each, in the order of their file names. */
const OPERATIONS = import.meta.glob('../../../schema/operations/*.graphql', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** Example variables for the operations that require some, on the seed (act-0008: the Valence Romans Agglo central kitchen). */
const EXAMPLE_VARIABLES: Record<string, string> = {
  'actor-trading': '{ "id": "act-0008" }',
  'bread-upstream': '{ "actorId": "act-0008" }',
  neighbourhood: '{ "actorId": "act-0008" }',
  'product-taxonomy': '{ "id": "farine" }',
  search: '{ "text": "farine" }',
};

function fileName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.graphql$/, '');
}

/**
 * GraphiQL, bundled with the explorer (no CDN), for analysts: the schema is the repo's
 * (schema/schema.graphql, so it works even with introspection off), the documented operations are
 * open in tabs, and requests go to this origin's /graphql with the editor's credential when signed in.
 */
export default function RequetesView() {
  const schema = useMemo(() => buildSchema(schemaSdl), []);
  const tabs = useMemo(
    () =>
      Object.entries(OPERATIONS)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, query]) => ({ query, variables: EXAMPLE_VARIABLES[fileName(path)] })),
    [],
  );
  const fetcher = async (params: { query: string; variables?: unknown; operationName?: string | null }) => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...credentialHeaders(readCredential()) },
      body: JSON.stringify(params),
    });
    return res.json();
  };
  return (
    <section className="requetes">
      <h1 tabIndex={-1}>Requêtes GraphQL</h1>
      <p className="hint">Les opérations documentées (schema/operations) sont ouvertes dans les onglets ; ▶ les exécute sur ce service.</p>
      <div className="graphiql-frame">
        {/* GraphiQL sets the first tab's variables from its `variables` prop, not from defaultTabs. */}
        <GraphiQL fetcher={fetcher} schema={schema} defaultTabs={tabs} variables={tabs[0]?.variables} shouldPersistHeaders={false} />
      </div>
    </section>
  );
}
