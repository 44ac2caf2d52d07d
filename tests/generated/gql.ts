/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }": typeof types.ChainFieldsFragmentDoc,
    "query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": typeof types.UpDocument,
    "query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": typeof types.DownDocument,
    "query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }": typeof types.IntegrityDocument,
    "query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }": typeof types.UpNestedDocument,
};
const documents: Documents = {
    "\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }": types.ChainFieldsFragmentDoc,
    "query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": types.UpDocument,
    "query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": types.DownDocument,
    "query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }": types.IntegrityDocument,
    "query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }": types.UpNestedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }"): (typeof documents)["\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }"): (typeof documents)["query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }"): (typeof documents)["query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }"): (typeof documents)["query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }"): (typeof documents)["query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;