import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, getNullableType, GraphQLError, isListType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import type { LimitsConfig } from '../config';
import { MAX_PAGE_SIZE } from '../common';
import { BadUserInputError, QueryTooComplexError } from '../errors';

/** Items assumed in a page when neither `first` nor `last` is given (the connections' default). */
const DEFAULT_PAGE_FACTOR = 20;
/** Items assumed in a list field that declares no bound: short enumerations (roles, labels, months, departments). */
const UNBOUNDED_LIST_FACTOR = 5;
/** Arguments that bound how many items a field returns. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit'] as const;

function sizeArgumentOf(args: Record<string, unknown>): number | null {
  for (const name of SIZE_ARGUMENTS) {
    const value = args[name];
    // Every size argument of the schema is at most 200; a larger one is refused as BAD_USER_INPUT
    // by argument validation, so it counts as 200 here rather than failing as too complex.
    if (typeof value === 'number' && Number.isFinite(value)) return Math.min(Math.max(0, value), MAX_PAGE_SIZE);
  }
  return null;
}

/** Every list inside an argument value (input objects included), with its path, for the length check. */
function* listsIn(value: unknown, path: string): Generator<{ path: string; length: number }> {
  if (Array.isArray(value)) {
    yield { path, length: value.length };
    for (const item of value) yield* listsIn(item, `${path}[]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) yield* listsIn(inner, `${path}.${key}`);
  }
}

/**
 * How many times a field's selection runs: its `first`/`last`/`limit` (declared defaults
 * included), else an assumed size for a list or a connection; the `edges` and `nodes` of a
 * connection count once, since the connection field already counted its page.
 */
function multiplierOf({ type, field, args }: ComplexityEstimatorArgs): number {
  if (type.name.endsWith('Connection')) return 1;
  const size = sizeArgumentOf(args);
  if (size !== null) return size;
  if (getNamedType(field.type).name.endsWith('Connection')) return DEFAULT_PAGE_FACTOR;
  return isListType(getNullableType(field.type)) ? UNBOUNDED_LIST_FACTOR : 1;
}

export interface QueryCost {
  cost: number;
  longestList: { path: string; length: number } | null;
}

/**
 * The cost of an operation with its variables: each field costs 1, plus its children times its
 * multiplier (see multiplierOf), plus one per item of the lists passed as its arguments. Null when
 * the variables do not coerce: execution then reports them as BAD_USER_INPUT.
 */
export function costOf(
  schema: GraphQLSchema,
  document: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName?: string | null,
): QueryCost | null {
  let longestList: QueryCost['longestList'] = null;
  const estimator = (options: ComplexityEstimatorArgs): number => {
    let listItems = 0;
    for (const [name, value] of Object.entries(options.args)) {
      for (const list of listsIn(value, `${options.type.name}.${options.field.name}(${name})`)) {
        listItems += list.length;
        if (!longestList || list.length > longestList.length) longestList = list;
      }
    }
    return 1 + listItems + options.childComplexity * multiplierOf(options);
  };
  try {
    const cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: operationName ?? undefined,
      estimators: [estimator],
    });
    return { cost, longestList };
  } catch (error) {
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}

/** Apollo reads `extensions.http` for the status of an error thrown before execution (and strips it). */
function withStatus400<E extends GraphQLError>(error: E): E {
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/** Costs remembered per parsed document: at most this many (operation name, variables) pairs each. */
const COSTS_PER_DOCUMENT = 64;

/**
 * `costOf`, remembered. Apollo hands every request of the same query text the same parsed document
 * (its document store), and a hot operation is sent again and again with the same variables: its
 * cost was recomputed by walking the whole operation each time, about half the CPU of executing a
 * full-text search (issue 13, W4 profile). The cost depends only on the schema (fixed for the
 * server's life), the document, the operation name and the variables, which make the key; the
 * documents are held weakly, so a document Apollo evicts takes its costs with it.
 */
function rememberedCosts(): typeof costOf {
  const byDocument = new WeakMap<object, Map<string, QueryCost | null>>();
  return (schema, document, variables, operationName) => {
    const key = JSON.stringify([operationName ?? null, variables ?? {}]);
    let costs = byDocument.get(document);
    if (!costs) byDocument.set(document, (costs = new Map()));
    if (costs.has(key)) return costs.get(key)!;
    const measured = costOf(schema, document, variables, operationName);
    if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value!);
    costs.set(key, measured);
    return measured;
  };
}

/**
 * Refuses, before any resolver runs, an operation whose cost (with the request's variables) is over
 * `maxCost` (QUERY_TOO_COMPLEX) or that passes a list longer than `maxListArgument` (BAD_USER_INPUT).
 */
export function queryCostPlugin(limits: Pick<LimitsConfig, 'maxCost' | 'maxListArgument'>): ApolloServerPlugin {
  const costOfOperation = rememberedCosts();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const measured = costOfOperation(schema, document, request.variables, operationName);
          if (!measured) return;
          const { longestList } = measured;
          if (longestList && longestList.length > limits.maxListArgument) {
            throw withStatus400(
              new BadUserInputError(
                `The list ${longestList.path} has ${longestList.length} items; at most ${limits.maxListArgument} are accepted: split the request`,
                { argument: longestList.path, maxItems: limits.maxListArgument },
              ),
            );
          }
          if (measured.cost > limits.maxCost) throw withStatus400(new QueryTooComplexError('cost', limits.maxCost, measured.cost));
        },
      };
    },
  };
}
