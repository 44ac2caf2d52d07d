import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import {
  astFromValue,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  isListType,
  typeFromAST,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** Apollo's gateway interface, through the types @apollo/server exports. */
type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Executes Apollo's parsed and validated operations with graphql-jit instead of graphql-js's
 * `execute` (issue 13). graphql-js interprets the query tree for every field of every object: on the
 * page of 50 actors (W3) it allocated 1.9 MB per request in two dictionary objects per field
 * (`getArgumentValues`, `executeFields`), and the garbage collector took a fifth of the server's
 * CPU. graphql-jit compiles an operation once into a function for that selection, with the same
 * resolvers, the same null propagation and errors; it is the executor of Mercurius.
 *
 * Apollo Server 5 takes an executor only from a gateway: this one serves a fixed schema. Apollo
 * still parses, validates (with the query limits) and runs every plugin, and caches the parsed
 * document by query text; the compiled operation is kept as long as Apollo keeps that document
 * (a WeakMap keyed by it), so a compilation (1-3 ms for the W3 page) is paid once per query text.
 *
 * Variables are coerced by graphql-js first, exactly as Apollo's own execution did: an invalid
 * variable answers graphql-js's message, which Apollo recognises as BAD_USER_INPUT (status 400).
 * graphql-jit (0.8.9) then coerces them again, and refuses a non-null variable or input field left
 * out although it has a default (`$productId: String! = "pain"`, `ImportInput.dryRun`), which the
 * spec accepts: the defaults are written into the variables first (withDefaults), as the client
 * could have written them.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | ExecutionResult>>();

  function compiledFor(document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byName.set(operationName, query);
    }
    return query;
  }

  const executor: Executor = async ({ document, operation, operationName, request, context }) => {
    let variables = request.variables ?? {};
    if (operation.variableDefinitions?.length) {
      // At most 50 errors, as graphql-js's execute coerces them (a client's 1,000 bad variables get 51 errors, not 1,000).
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
      variables = withDefaults(schema, operation.variableDefinitions, variables);
    }
    const query = compiledFor(document, operationName);
    if (!isCompiledQuery(query)) return query;
    return (await query.query(undefined, context, variables)) as ExecutionResult;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/**
 * The variables as a client would send them with every default written out: the operation's
 * variable defaults and, inside input objects, the defaults of the fields left out. Values are in
 * their external form (enum names, not their internal values), as graphql-jit coerces them.
 * Called on variables graphql-js has accepted: their shapes match their types.
 */
function withDefaults(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>) {
  const filled: Record<string, unknown> = { ...variables };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    if (Object.prototype.hasOwnProperty.call(variables, name)) filled[name] = withFieldDefaults(type, variables[name]);
    else if (definition.defaultValue) filled[name] = withFieldDefaults(type, valueFromASTUntyped(definition.defaultValue));
  }
  return filled;
}

function withFieldDefaults(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const item = nullable.ofType as GraphQLInputType;
    return Array.isArray(value) ? value.map((v) => withFieldDefaults(item, v)) : withFieldDefaults(item, value);
  }
  const named = getNamedType(nullable);
  if (!isInputObjectType(named) || typeof value !== 'object') return value;
  const given = value as Record<string, unknown>;
  const filled: Record<string, unknown> = { ...given };
  for (const field of Object.values(named.getFields())) {
    if (Object.prototype.hasOwnProperty.call(given, field.name)) filled[field.name] = withFieldDefaults(field.type, given[field.name]);
    else if (field.defaultValue !== undefined) {
      const literal = astFromValue(field.defaultValue, field.type);
      if (literal) filled[field.name] = valueFromASTUntyped(literal);
    }
  }
  return filled;
}
