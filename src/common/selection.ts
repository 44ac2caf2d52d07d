import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type DirectiveNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields a query selects below the field being resolved, by field name (aliases merged, named
 * and inline fragments spread, `@skip`/`@include` applied with the request's variables). A resolver
 * reads it to know, before its children run, which relationships they will ask for (src/prefetch).
 * Arguments are not kept: a prefetch fetches what the field's loader would, whatever its `first`.
 */
export class Selection {
  private readonly children = new Map<string, Selection>();

  /** The selection below `path` (field names from here), or undefined when the query does not select it. */
  at(...path: string[]): Selection | undefined {
    return path.reduce<Selection | undefined>((node, name) => node?.children.get(name), this);
  }

  /** True when the query selects `path` (field names from here). */
  has(...path: string[]): boolean {
    return this.at(...path) !== undefined;
  }

  /** The names of the fields selected here. */
  fields(): IterableIterator<string> {
    return this.children.keys();
  }

  /** True when the query selects any of these fields here. */
  hasAny(...names: string[]): boolean {
    return names.some((name) => this.children.has(name));
  }

  /** Merges a selection set into this one. */
  add(set: SelectionSetNode | undefined, info: Pick<GraphQLResolveInfo, 'fragments' | 'variableValues'>): this {
    for (const node of set?.selections ?? []) {
      if (!isIncluded(node, info.variableValues)) continue;
      switch (node.kind) {
        case Kind.FIELD: {
          const name = node.name.value;
          const child = this.children.get(name) ?? new Selection();
          this.children.set(name, child.add(node.selectionSet, info));
          break;
        }
        case Kind.INLINE_FRAGMENT:
          this.add(node.selectionSet, info);
          break;
        case Kind.FRAGMENT_SPREAD:
          this.add(info.fragments[node.name.value]?.selectionSet, info);
          break;
        default: {
          const unexpected: never = node;
          throw new Error(`unexpected selection ${String(unexpected)}`);
        }
      }
    }
    return this;
  }
}

/** `@skip(if: true)` or `@include(if: false)` leaves a selection out. */
function isIncluded(node: { readonly directives?: readonly DirectiveNode[] }, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** What the query selects below the field a resolver is resolving (every occurrence of it merged). */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): Selection {
  const selection = new Selection();
  for (const field of info.fieldNodes) selection.add(field.selectionSet, info);
  return selection;
}
