import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectionOf } from '../src/common';
import { toActorPagePrefetch } from '../src/prefetch/actor-page.prefetch';

/** The resolve info of the first root field of a document, as graphql-js hands it to `Query.actors`. */
function infoOf(document: string, variableValues: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    parsed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const first = operation.selectionSet.selections[0];
  if (first.kind !== Kind.FIELD) throw new Error('the test documents start with a field');
  const fieldNodes = operation.selectionSet.selections.filter(
    (s): s is typeof first => s.kind === Kind.FIELD && s.name.value === first.name.value,
  );
  return { fieldNodes, fragments, variableValues };
}

describe('the selection a resolver reads before its children run', () => {
  it('merges aliases, repeated fields and every occurrence of the field', () => {
    const selection = selectionOf(
      infoOf(`{
        actors { nodes { id a: offers { id } } }
        actors { nodes { b: offers { product { id } } } }
      }`),
    );
    expect(selection.has('nodes', 'offers', 'id')).toBe(true);
    expect(selection.has('nodes', 'offers', 'product', 'id')).toBe(true);
    expect(selection.has('nodes', 'a')).toBe(false);
    expect(selection.has('nodes', 'commune')).toBe(false);
  });

  it('spreads named and inline fragments', () => {
    const selection = selectionOf(
      infoOf(`
        query { actors { edges { node { ...Row ... on Actor { suppliers { actor { id } } } } } } }
        fragment Row on Actor { commune { insee } offers { labels { id } } }`),
    );
    expect(selection.has('edges', 'node', 'commune', 'insee')).toBe(true);
    expect(selection.has('edges', 'node', 'offers', 'labels')).toBe(true);
    expect(selection.has('edges', 'node', 'suppliers', 'actor')).toBe(true);
  });

  it('leaves out what @skip and @include exclude, with the request variables', () => {
    const document = `query ($on: Boolean!) { actors { nodes { offers @include(if: $on) { id } commune @skip(if: $on) { insee } } } }`;
    const on = selectionOf(infoOf(document, { on: true }));
    const off = selectionOf(infoOf(document, { on: false }));
    expect([on.has('nodes', 'offers'), on.has('nodes', 'commune')]).toEqual([true, false]);
    expect([off.has('nodes', 'offers'), off.has('nodes', 'commune')]).toEqual([false, true]);
  });

  it('turns the selection of an actors page into the subqueries to switch on', () => {
    const page = (document: string) => toActorPagePrefetch(selectionOf(infoOf(document)));
    expect(page('{ actors { nodes { id name } totalCount } }')).toEqual({
      commune: false,
      offers: false,
      offerProducts: false,
      offerLabels: false,
      suppliers: false,
      customers: false,
      supplierProperties: ['id'],
      customerProperties: ['id'],
    });
    expect(
      page('{ actors { nodes { department { code } offers { product { id } } } edges { node { customers { actor { id } } } } } }'),
    ).toEqual({
      commune: true,
      offers: true,
      offerProducts: true,
      offerLabels: false,
      suppliers: false,
      customers: true,
      supplierProperties: ['id'],
      customerProperties: ['id'],
    });
    // Fields nested deeper (a partner's own offers) are not the page's: left to the loaders.
    expect(page('{ actors { nodes { suppliers { actor { offers { id } commune { insee } } } } } }')).toMatchObject({
      commune: false,
      offers: false,
      suppliers: true,
    });
    // The partners' actors are loaded with the page, with what the query selects of them under
    // `nodes` and `edges.node` together, in ACTOR_PROPERTIES' order (the keys `Actor.suppliers` loads).
    expect(
      page(
        '{ actors { nodes { suppliers { actor { siret name } } } edges { node { suppliers { actor { id roles } } customers { actor { email } } } } } }',
      ),
    ).toMatchObject({ supplierProperties: ['id', 'name', 'roles', 'siret'], customerProperties: ['id', 'email'] });
  });
});
