import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { ValidationContext, ValidationRule } from 'graphql';
import type { LimitsConfig } from '../config';
import { QueryTooComplexError, type QueryLimitName } from '../errors';

/**
 * Armor's rules throw a "Syntax Error: ..." GraphQLError from inside graphql-js' validation by
 * default; reporting our own error instead keeps the message honest and lets formatError give it
 * the QUERY_TOO_COMPLEX code, with the limit's name and value for clients to adapt.
 */
function reportAs(limit: QueryLimitName, max: number) {
  return {
    n: max,
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: { message: string }) => {
        const found = /found (\d+)/.exec(error.message)?.[1];
        context?.reportError(new QueryTooComplexError(limit, max, found === undefined ? undefined : Number(found)));
      },
    ],
  };
}

/** Depth, alias and directive limits, checked during validation: nothing past them is executed. */
export function queryLimitRules(limits: Pick<LimitsConfig, 'maxDepth' | 'maxAliases' | 'maxDirectives'>): ValidationRule[] {
  return [
    maxDepthRule({ ...reportAs('depth', limits.maxDepth), ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule(reportAs('aliases', limits.maxAliases)),
    maxDirectivesRule(reportAs('directives', limits.maxDirectives)),
  ] as ValidationRule[];
}

/**
 * graphql-js' parser stops at `maxTokens` tokens, so a huge document is refused in the time it
 * takes to read the first tokens instead of being parsed whole (Armor's token plugin would turn the
 * same refusal into an HTTP 500 under Apollo).
 */
export function parseOptionsOf(limits: Pick<LimitsConfig, 'maxTokens'>) {
  return { maxTokens: limits.maxTokens };
}
