import type { ImportBundle, LabelRecord, NeedRecord, ProductRecord } from '../../src/records';
import type { CommuneRef } from './communes';
import { validateCatalog } from './catalog';
import { Economics } from './economics';
import { NameBook, type SiretNamespace } from './identity';
import { buildNeeds, buildOffers } from './market';
import type { IdScheme } from './model';
import { Population } from './population';
import { Quantities } from './quantities';
import { Random } from './random';
import { SupplyGraph } from './supply-graph';
import { ProductTaxonomy } from './taxonomy';
import { ZoneAtlas } from './zones';

/** Everything one run of a generator shares: the catalog, the map, one seeded generator per phase. */
export interface Generator {
  taxonomy: ProductTaxonomy;
  economics: Economics;
  atlas: ZoneAtlas;
  labels: ReadonlyMap<string, LabelRecord>;
  population: Population;
  graph: SupplyGraph;
  ids: IdScheme;
  rng: { actors: Random; links: Random; market: Random; quantities: Random };
}

export interface GeneratorInput {
  seed: number;
  ids: IdScheme;
  namespace: SiretNamespace;
  communes: readonly CommuneRef[];
  products: readonly ProductRecord[];
  labels: readonly LabelRecord[];
}

/** Sets up a run; fails on an invalid catalog rather than generating dangling references. */
export function createGenerator(input: GeneratorInput): Generator {
  const problems = validateCatalog(input.products, input.labels);
  if (problems.length > 0) throw new Error(`the catalog is invalid:\n${problems.join('\n')}`);
  const root = new Random(input.seed);
  const rng = { actors: root.fork('actors'), links: root.fork('links'), market: root.fork('market'), quantities: root.fork('quantities') };
  const taxonomy = new ProductTaxonomy(input.products);
  const economics = new Economics(taxonomy);
  const labels = new Map(input.labels.map((l) => [l.id, l]));
  const population = new Population(rng.actors, new NameBook(), input.ids, input.namespace, taxonomy, labels);
  const graph = new SupplyGraph(population, taxonomy, economics, input.ids, rng.links);
  return { taxonomy, economics, atlas: new ZoneAtlas(input.communes), labels, population, graph, ids: input.ids, rng };
}

/** Runs the purchases of every actor, then turns lines into offers and profiles into needs. */
export function completeBundle(
  generator: Generator,
  presetNeeds: readonly NeedRecord[] = [],
  uncertified: ReadonlySet<string> = new Set(),
): ImportBundle {
  const { population, graph, economics, taxonomy, ids, rng } = generator;
  const actors = population.actors;
  graph.supplyAll(actors);
  population.certifyOrganicHandlers(uncertified);
  const quantities = new Quantities(taxonomy, economics, generator.labels, rng.quantities);
  quantities.apply(actors, graph.links);
  const offers = buildOffers(actors, economics, ids, rng.market);
  const needs = [...presetNeeds, ...buildNeeds(actors, economics, ids, rng.market, presetNeeds)];
  quantities.sizeNeeds(needs, actors);
  return {
    actors: actors.map((a) => a.record),
    offers,
    needs,
    supplyLinks: graph.links.map((l) => l.record),
  };
}
