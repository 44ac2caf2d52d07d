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
    "\n  query Names($filter: ActorFilter, $sort: ActorSort, $first: Int, $after: String, $last: Int, $before: String) {\n    actors(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name distanceKm } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }": typeof types.NamesDocument,
    "query FarmCount { actors(filter: {roles: [FARM]}, first: 1) { totalCount } }": typeof types.FarmCountDocument,
    "\n      query Links($filter: SupplyLinkFilter, $first: Int, $after: String, $last: Int) {\n        supplyLinks(filter: $filter, first: $first, after: $after, last: $last) {\n          totalCount\n          nodes { id volume }\n          pageInfo { hasNextPage endCursor }\n        }\n      }": typeof types.LinksDocument,
    "query ActorRelations {\n        actor(id: \"t-gamma\") {\n          name commune { insee name epci { name } department { code region { name } } }\n          offers { product { id broader { id } } labels { id } }\n          suppliers { actor { id } products { id } links { volume } }\n          customers { actor { id } products { name } }\n          distanceKm(from: { communeInsee: \"26362\" })\n        }\n      }": typeof types.ActorRelationsDocument,
    "query LinkProvenance {\n        supplyLink(id: \"t-l4\") {\n          supplier { name } product { id }\n          sourcedFrom { supplier { name } product { id }\n            sourcedFrom { supplier { name } product { id }\n              sourcedFrom { supplier { name } product { id } sourcedFrom { id } } } }\n        }\n      }": typeof types.LinkProvenanceDocument,
    "\n      query Page($first: Int!) {\n        actors(filter: { roles: [FARM] }, first: $first) {\n          nodes {\n            id commune { name epci { name } }\n            offers { product { name } labels { id } }\n            suppliers { actor { name } products { name } }\n            customers { actor { name } }\n          }\n        }\n      }": typeof types.PageDocument,
    "\n  query AuditTrail($first: Int, $after: String, $filter: AuditTrailFilter) {\n    auditTrail(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at accountId accountName role via operation recordKind recordId before after fileSha256 counts } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }": typeof types.AuditTrailDocument,
    "query ConfidentialUpstream { upstream(actorId: \"q-c\", productId: \"farine-ble-t80\") { edges { link { id volume } volume } } }": typeof types.ConfidentialUpstreamDocument,
    "query ConfidentialNeighbourhood { neighbourhood(actorId: \"q-b\") { edges { id volume } } }": typeof types.ConfidentialNeighbourhoodDocument,
    "query ConfidentialUnmetNeeds { unmetNeeds(scope: { actorId: \"q-b\" }, includePartial: true, candidates: 0) { needs { need { id volume } volume coveredVolume gap coverage } } }": typeof types.ConfidentialUnmetNeedsDocument,
    "mutation AuthCreateActor($input: CreateActorInput!) { createActor(input: $input) { id } }": typeof types.AuthCreateActorDocument,
    "mutation AuthUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }": typeof types.AuthUpdateActorDocument,
    "mutation AuthDeleteActor($id: String!) { deleteActor(id: $id) { id } }": typeof types.AuthDeleteActorDocument,
    "mutation AuthCreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }": typeof types.AuthCreateOfferDocument,
    "mutation AuthUpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }": typeof types.AuthUpdateOfferDocument,
    "mutation AuthDeleteOffer($id: String!) { deleteOffer(id: $id) { id } }": typeof types.AuthDeleteOfferDocument,
    "mutation AuthCreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }": typeof types.AuthCreateNeedDocument,
    "mutation AuthUpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }": typeof types.AuthUpdateNeedDocument,
    "mutation AuthDeleteNeed($id: String!) { deleteNeed(id: $id) { id } }": typeof types.AuthDeleteNeedDocument,
    "mutation AuthCreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { id } }": typeof types.AuthCreateSupplyLinkDocument,
    "mutation AuthUpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { id } }": typeof types.AuthUpdateSupplyLinkDocument,
    "mutation AuthDeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id } }": typeof types.AuthDeleteSupplyLinkDocument,
    "mutation AuthImportRecords($input: ImportInput!) { importRecords(input: $input) { written counts { offers } } }": typeof types.AuthImportRecordsDocument,
    "\n    query PrivateFieldsOfActor($id: String!) {\n      actor(id: $id) {\n        id email phone confidentialVolumes\n        offers { id priceEur capacity }\n        needs { id volume }\n        sales { id volume valueEur }\n        purchases { id volume valueEur }\n      }\n    }": typeof types.PrivateFieldsOfActorDocument,
    "query PrivateFieldsOfLinks { supplyLinks(filter: { buyerId: \"auth-c\" }) { nodes { id volume valueEur } } }": typeof types.PrivateFieldsOfLinksDocument,
    "query PrivateFieldsOnTheMap { supplyLinksGeoJson(filter: { buyerId: \"auth-c\" }) }": typeof types.PrivateFieldsOnTheMapDocument,
    "mutation ConfidentialVolumesOn { updateActor(id: \"auth-a\", input: { confidentialVolumes: true }) { confidentialVolumes } }": typeof types.ConfidentialVolumesOnDocument,
    "\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }": typeof types.ChainFieldsFragmentDoc,
    "query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": typeof types.UpDocument,
    "query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": typeof types.DownDocument,
    "query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }": typeof types.IntegrityDocument,
    "query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }": typeof types.UpNestedDocument,
    "mutation ImportJsonDryRun($content: String!) { importRecords(input: {format: JSON, content: $content, dryRun: true}) { written counts { actors } } }": typeof types.ImportJsonDryRunDocument,
    "\n  query UnmetNeeds($scope: MatchmakingScopeInput!, $includePartial: Boolean, $candidates: Int, $local: LocalInput, $maxIntermediaries: Int) {\n    unmetNeeds(scope: $scope, includePartial: $includePartial, candidates: $candidates, local: $local, maxIntermediaries: $maxIntermediaries) {\n      scopeName\n      local { scope radiusKm isDefault description }\n      maxIntermediaries\n      checkedNeeds unmetCount partialCount\n      needs {\n        need { id } buyer { id } product { id } requiredLabels { id }\n        volume unit coverage coveringLinks coveredVolume gap\n        candidates { supplier { id } offer { id } intermediaries distanceKm }\n      }\n    }\n  }": typeof types.UnmetNeedsDocument,
    "\n  query SupplierCandidates($input: SupplierSearchInput!) {\n    suppliers(input: $input, first: 50) { matches { nodes { supplier { id } offer { id } intermediaries distanceKm } } }\n  }": typeof types.SupplierCandidatesDocument,
    "\n  query PotentialBuyers($producerId: String!, $radiusKm: Float, $first: Int) {\n    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {\n      producer { id } radiusKm totalCount\n      buyers { need { id } buyer { id } product { id } requiredLabels { id } offers { id } distanceKm coverage coveredVolume }\n    }\n  }": typeof types.PotentialBuyersDocument,
    "\n  query SupplyRisk($scope: RiskScopeInput!, $top: Int) {\n    supplyRisk(scope: $scope, top: $top) {\n      scopeName checkedNeeds coveredNeeds\n      singleSupplierNeeds { need { id } buyer { id } product { id } supplier { id } volume unit coveredVolume }\n      criticalActors { actor { id } needsAffected buyersAffected uncoveredVolumes { unit volume } needs { id } }\n      outsideShare { links outsideLinks linkShare valueEur outsideValueEur valueShare linksWithoutValue }\n    }\n  }": typeof types.SupplyRiskDocument,
    "\n  fragment ActorFields on Actor {\n    id name roles siret clubMember memberGroup email description\n    location { latitude longitude }\n    commune { insee name }\n  }": typeof types.ActorFieldsFragmentDoc,
    "\n  mutation CreateActor($input: CreateActorInput!) { createActor(input: $input) { ...ActorFields } }": typeof types.CreateActorDocument,
    "\n  mutation UpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { ...ActorFields } }": typeof types.UpdateActorDocument,
    "\n  mutation DeleteActor($id: String!) { deleteActor(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": typeof types.DeleteActorDocument,
    "\n  fragment OfferFields on Offer {\n    id months capacity capacityUnit deliveryRadiusKm priceEur\n    actor { id } product { id } labels { id } deliveryCommunes { insee } deliveryEpcis { siren }\n  }": typeof types.OfferFieldsFragmentDoc,
    "mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { ...OfferFields } }": typeof types.CreateOfferDocument,
    "mutation UpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ...OfferFields } }": typeof types.UpdateOfferDocument,
    "mutation DeleteOffer($id: String!) { deleteOffer(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": typeof types.DeleteOfferDocument,
    "fragment NeedFields on Need { id volume unit months actor { id } product { id } requiredLabels { id } }": typeof types.NeedFieldsFragmentDoc,
    "mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { ...NeedFields } }": typeof types.CreateNeedDocument,
    "mutation UpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ...NeedFields } }": typeof types.UpdateNeedDocument,
    "mutation DeleteNeed($id: String!) { deleteNeed(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": typeof types.DeleteNeedDocument,
    "\n  fragment LinkFields on SupplyLink {\n    id volume unit valueEur since frequency\n    supplier { id } buyer { id } product { id } labels { id } sourcedFrom { id }\n  }": typeof types.LinkFieldsFragmentDoc,
    "mutation CreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { ...LinkFields } }": typeof types.CreateSupplyLinkDocument,
    "mutation UpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { ...LinkFields } }": typeof types.UpdateSupplyLinkDocument,
    "mutation DeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": typeof types.DeleteSupplyLinkDocument,
    "query ActorCommune { actor(id: \"act-1\") { name commune { insee } } }": typeof types.ActorCommuneDocument,
    "query MillGone { actor(id: \"act-mill\") { id } }": typeof types.MillGoneDocument,
    "query BakeryNeedsAndPurchases { actor(id: \"act-bakery\") { needs { id } purchases { id } } }": typeof types.BakeryNeedsAndPurchasesDocument,
    "query FarmOffers { actor(id: \"act-farm\") { offers { id } } }": typeof types.FarmOffersDocument,
    "query FlourProvenance { supplyLink(id: \"sl-flour\") { sourcedFrom { id } } }": typeof types.FlourProvenanceDocument,
    "query ServiceDuringOutage { service { name database } }": typeof types.ServiceDuringOutageDocument,
    "mutation ScaleOutCreateActor($input: CreateActorInput!) { createActor(input: $input) { id name } }": typeof types.ScaleOutCreateActorDocument,
    "mutation ScaleOutUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }": typeof types.ScaleOutUpdateActorDocument,
    "mutation ScaleOutDeleteActor($id: String!) { deleteActor(id: $id) { id } }": typeof types.ScaleOutDeleteActorDocument,
    "query ScaleOutReadActor($id: String!) { actor(id: $id) { id name } }": typeof types.ScaleOutReadActorDocument,
    "query ServiceOfOtherInstance { service { name } }": typeof types.ServiceOfOtherInstanceDocument,
    "\n      query Search($text: String!, $kinds: [SearchKind!], $first: Int) {\n        search(text: $text, kinds: $kinds, first: $first) {\n          kind id name score\n          hit { __typename ... on Actor { id roles } ... on Product { id family } }\n        }\n      }": typeof types.SearchDocument,
    "query SearchHits { search(text: \"valence\") {\n             kind\n             hit {\n               __typename\n               ... on Actor { id name roles clubMember commune { insee } }\n               ... on Product { id name broader { id } }\n             }\n           } }": typeof types.SearchHitsDocument,
    "\n      query Neighbourhood($actorId: String!, $depth: Int, $filter: NeighbourhoodFilter) {\n        neighbourhood(actorId: $actorId, depth: $depth, filter: $filter) {\n          nodes { id label kind roles position { latitude longitude } communeName clubMember depth }\n          edges { id source target productId productName labels volume unit distanceKm }\n          truncated\n        }\n      }": typeof types.NeighbourhoodDocument,
    "query ActorsGeoJson($filter: ActorFilter) { actorsGeoJson(filter: $filter) }": typeof types.ActorsGeoJsonDocument,
    "query CommunesGeoJson($d: String, $e: String) { communesGeoJson(departmentCode: $d, epciSiren: $e) }": typeof types.CommunesGeoJsonDocument,
    "query SupplyLinksGeoJson($filter: SupplyLinkFilter) { supplyLinksGeoJson(filter: $filter) }": typeof types.SupplyLinksGeoJsonDocument,
    "query ServiceOverHttp { service { name version database } }": typeof types.ServiceOverHttpDocument,
    "\n  query Suppliers($input: SupplierSearchInput!, $first: Int, $after: String) {\n    suppliers(input: $input, first: $first, after: $after) {\n      product { id }\n      buyer { id }\n      place { point { latitude longitude } commune { insee } epci { siren } department { code } }\n      local { scope radiusKm departmentCodes epci { siren } isDefault description }\n      maxIntermediaries\n      matches {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        edges {\n          cursor\n          node {\n            supplier { id location { latitude longitude } }\n            offer { id }\n            product { id }\n            labels { id }\n            distanceKm\n            intermediaries\n            circuitCourt\n            capacity\n            capacityUnit\n            months\n            clubMember\n            path { kind actor { id } role product { id } distanceKm }\n          }\n        }\n      }\n    }\n  }": typeof types.SuppliersDocument,
};
const documents: Documents = {
    "\n  query Names($filter: ActorFilter, $sort: ActorSort, $first: Int, $after: String, $last: Int, $before: String) {\n    actors(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name distanceKm } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }": types.NamesDocument,
    "query FarmCount { actors(filter: {roles: [FARM]}, first: 1) { totalCount } }": types.FarmCountDocument,
    "\n      query Links($filter: SupplyLinkFilter, $first: Int, $after: String, $last: Int) {\n        supplyLinks(filter: $filter, first: $first, after: $after, last: $last) {\n          totalCount\n          nodes { id volume }\n          pageInfo { hasNextPage endCursor }\n        }\n      }": types.LinksDocument,
    "query ActorRelations {\n        actor(id: \"t-gamma\") {\n          name commune { insee name epci { name } department { code region { name } } }\n          offers { product { id broader { id } } labels { id } }\n          suppliers { actor { id } products { id } links { volume } }\n          customers { actor { id } products { name } }\n          distanceKm(from: { communeInsee: \"26362\" })\n        }\n      }": types.ActorRelationsDocument,
    "query LinkProvenance {\n        supplyLink(id: \"t-l4\") {\n          supplier { name } product { id }\n          sourcedFrom { supplier { name } product { id }\n            sourcedFrom { supplier { name } product { id }\n              sourcedFrom { supplier { name } product { id } sourcedFrom { id } } } }\n        }\n      }": types.LinkProvenanceDocument,
    "\n      query Page($first: Int!) {\n        actors(filter: { roles: [FARM] }, first: $first) {\n          nodes {\n            id commune { name epci { name } }\n            offers { product { name } labels { id } }\n            suppliers { actor { name } products { name } }\n            customers { actor { name } }\n          }\n        }\n      }": types.PageDocument,
    "\n  query AuditTrail($first: Int, $after: String, $filter: AuditTrailFilter) {\n    auditTrail(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at accountId accountName role via operation recordKind recordId before after fileSha256 counts } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }": types.AuditTrailDocument,
    "query ConfidentialUpstream { upstream(actorId: \"q-c\", productId: \"farine-ble-t80\") { edges { link { id volume } volume } } }": types.ConfidentialUpstreamDocument,
    "query ConfidentialNeighbourhood { neighbourhood(actorId: \"q-b\") { edges { id volume } } }": types.ConfidentialNeighbourhoodDocument,
    "query ConfidentialUnmetNeeds { unmetNeeds(scope: { actorId: \"q-b\" }, includePartial: true, candidates: 0) { needs { need { id volume } volume coveredVolume gap coverage } } }": types.ConfidentialUnmetNeedsDocument,
    "mutation AuthCreateActor($input: CreateActorInput!) { createActor(input: $input) { id } }": types.AuthCreateActorDocument,
    "mutation AuthUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }": types.AuthUpdateActorDocument,
    "mutation AuthDeleteActor($id: String!) { deleteActor(id: $id) { id } }": types.AuthDeleteActorDocument,
    "mutation AuthCreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }": types.AuthCreateOfferDocument,
    "mutation AuthUpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }": types.AuthUpdateOfferDocument,
    "mutation AuthDeleteOffer($id: String!) { deleteOffer(id: $id) { id } }": types.AuthDeleteOfferDocument,
    "mutation AuthCreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }": types.AuthCreateNeedDocument,
    "mutation AuthUpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }": types.AuthUpdateNeedDocument,
    "mutation AuthDeleteNeed($id: String!) { deleteNeed(id: $id) { id } }": types.AuthDeleteNeedDocument,
    "mutation AuthCreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { id } }": types.AuthCreateSupplyLinkDocument,
    "mutation AuthUpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { id } }": types.AuthUpdateSupplyLinkDocument,
    "mutation AuthDeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id } }": types.AuthDeleteSupplyLinkDocument,
    "mutation AuthImportRecords($input: ImportInput!) { importRecords(input: $input) { written counts { offers } } }": types.AuthImportRecordsDocument,
    "\n    query PrivateFieldsOfActor($id: String!) {\n      actor(id: $id) {\n        id email phone confidentialVolumes\n        offers { id priceEur capacity }\n        needs { id volume }\n        sales { id volume valueEur }\n        purchases { id volume valueEur }\n      }\n    }": types.PrivateFieldsOfActorDocument,
    "query PrivateFieldsOfLinks { supplyLinks(filter: { buyerId: \"auth-c\" }) { nodes { id volume valueEur } } }": types.PrivateFieldsOfLinksDocument,
    "query PrivateFieldsOnTheMap { supplyLinksGeoJson(filter: { buyerId: \"auth-c\" }) }": types.PrivateFieldsOnTheMapDocument,
    "mutation ConfidentialVolumesOn { updateActor(id: \"auth-a\", input: { confidentialVolumes: true }) { confidentialVolumes } }": types.ConfidentialVolumesOnDocument,
    "\n  fragment ChainFields on ChainGraph {\n    direction rootActor { id } product { id } maxDepth truncated totalDistanceKm\n    farms { id }\n    nodes { actor { id } depth roles provenanceUnknown }\n    edges { link { id } supplierId buyerId product { id } labels { id } volume unit distanceKm depth sourcedFromIds provenanceUnknown }\n  }": types.ChainFieldsFragmentDoc,
    "query Up($actorId: String!, $productId: String!, $maxDepth: Int) {\n  upstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": types.UpDocument,
    "query Down($actorId: String!, $productId: String!, $maxDepth: Int) {\n  downstream(actorId: $actorId, productId: $productId, maxDepth: $maxDepth) { ...ChainFields } }": types.DownDocument,
    "query Integrity($scope: IntegrityScopeInput!, $labelId: String, $organic: Boolean) {\n  labelIntegrity(scope: $scope, labelId: $labelId, organic: $organic) {\n    label { id } organic maxDepth\n    summary { checked intact broken unknownProvenance }\n    brokenChains { link { id } breaksAt { id } path { id } depth }\n    unverifiedLinks { id }\n  } }": types.IntegrityDocument,
    "query UpNested($actorId: String!, $productId: String!) {\n        upstream(actorId: $actorId, productId: $productId, maxDepth: 8) {\n          nodes { actor { id name } }\n          edges { link { id supplier { name } buyer { name } product { id } labels { id } sourcedFrom { id } } }\n        } }": types.UpNestedDocument,
    "mutation ImportJsonDryRun($content: String!) { importRecords(input: {format: JSON, content: $content, dryRun: true}) { written counts { actors } } }": types.ImportJsonDryRunDocument,
    "\n  query UnmetNeeds($scope: MatchmakingScopeInput!, $includePartial: Boolean, $candidates: Int, $local: LocalInput, $maxIntermediaries: Int) {\n    unmetNeeds(scope: $scope, includePartial: $includePartial, candidates: $candidates, local: $local, maxIntermediaries: $maxIntermediaries) {\n      scopeName\n      local { scope radiusKm isDefault description }\n      maxIntermediaries\n      checkedNeeds unmetCount partialCount\n      needs {\n        need { id } buyer { id } product { id } requiredLabels { id }\n        volume unit coverage coveringLinks coveredVolume gap\n        candidates { supplier { id } offer { id } intermediaries distanceKm }\n      }\n    }\n  }": types.UnmetNeedsDocument,
    "\n  query SupplierCandidates($input: SupplierSearchInput!) {\n    suppliers(input: $input, first: 50) { matches { nodes { supplier { id } offer { id } intermediaries distanceKm } } }\n  }": types.SupplierCandidatesDocument,
    "\n  query PotentialBuyers($producerId: String!, $radiusKm: Float, $first: Int) {\n    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {\n      producer { id } radiusKm totalCount\n      buyers { need { id } buyer { id } product { id } requiredLabels { id } offers { id } distanceKm coverage coveredVolume }\n    }\n  }": types.PotentialBuyersDocument,
    "\n  query SupplyRisk($scope: RiskScopeInput!, $top: Int) {\n    supplyRisk(scope: $scope, top: $top) {\n      scopeName checkedNeeds coveredNeeds\n      singleSupplierNeeds { need { id } buyer { id } product { id } supplier { id } volume unit coveredVolume }\n      criticalActors { actor { id } needsAffected buyersAffected uncoveredVolumes { unit volume } needs { id } }\n      outsideShare { links outsideLinks linkShare valueEur outsideValueEur valueShare linksWithoutValue }\n    }\n  }": types.SupplyRiskDocument,
    "\n  fragment ActorFields on Actor {\n    id name roles siret clubMember memberGroup email description\n    location { latitude longitude }\n    commune { insee name }\n  }": types.ActorFieldsFragmentDoc,
    "\n  mutation CreateActor($input: CreateActorInput!) { createActor(input: $input) { ...ActorFields } }": types.CreateActorDocument,
    "\n  mutation UpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { ...ActorFields } }": types.UpdateActorDocument,
    "\n  mutation DeleteActor($id: String!) { deleteActor(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": types.DeleteActorDocument,
    "\n  fragment OfferFields on Offer {\n    id months capacity capacityUnit deliveryRadiusKm priceEur\n    actor { id } product { id } labels { id } deliveryCommunes { insee } deliveryEpcis { siren }\n  }": types.OfferFieldsFragmentDoc,
    "mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { ...OfferFields } }": types.CreateOfferDocument,
    "mutation UpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ...OfferFields } }": types.UpdateOfferDocument,
    "mutation DeleteOffer($id: String!) { deleteOffer(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": types.DeleteOfferDocument,
    "fragment NeedFields on Need { id volume unit months actor { id } product { id } requiredLabels { id } }": types.NeedFieldsFragmentDoc,
    "mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { ...NeedFields } }": types.CreateNeedDocument,
    "mutation UpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ...NeedFields } }": types.UpdateNeedDocument,
    "mutation DeleteNeed($id: String!) { deleteNeed(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": types.DeleteNeedDocument,
    "\n  fragment LinkFields on SupplyLink {\n    id volume unit valueEur since frequency\n    supplier { id } buyer { id } product { id } labels { id } sourcedFrom { id }\n  }": types.LinkFieldsFragmentDoc,
    "mutation CreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { ...LinkFields } }": types.CreateSupplyLinkDocument,
    "mutation UpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { ...LinkFields } }": types.UpdateSupplyLinkDocument,
    "mutation DeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }": types.DeleteSupplyLinkDocument,
    "query ActorCommune { actor(id: \"act-1\") { name commune { insee } } }": types.ActorCommuneDocument,
    "query MillGone { actor(id: \"act-mill\") { id } }": types.MillGoneDocument,
    "query BakeryNeedsAndPurchases { actor(id: \"act-bakery\") { needs { id } purchases { id } } }": types.BakeryNeedsAndPurchasesDocument,
    "query FarmOffers { actor(id: \"act-farm\") { offers { id } } }": types.FarmOffersDocument,
    "query FlourProvenance { supplyLink(id: \"sl-flour\") { sourcedFrom { id } } }": types.FlourProvenanceDocument,
    "query ServiceDuringOutage { service { name database } }": types.ServiceDuringOutageDocument,
    "mutation ScaleOutCreateActor($input: CreateActorInput!) { createActor(input: $input) { id name } }": types.ScaleOutCreateActorDocument,
    "mutation ScaleOutUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }": types.ScaleOutUpdateActorDocument,
    "mutation ScaleOutDeleteActor($id: String!) { deleteActor(id: $id) { id } }": types.ScaleOutDeleteActorDocument,
    "query ScaleOutReadActor($id: String!) { actor(id: $id) { id name } }": types.ScaleOutReadActorDocument,
    "query ServiceOfOtherInstance { service { name } }": types.ServiceOfOtherInstanceDocument,
    "\n      query Search($text: String!, $kinds: [SearchKind!], $first: Int) {\n        search(text: $text, kinds: $kinds, first: $first) {\n          kind id name score\n          hit { __typename ... on Actor { id roles } ... on Product { id family } }\n        }\n      }": types.SearchDocument,
    "query SearchHits { search(text: \"valence\") {\n             kind\n             hit {\n               __typename\n               ... on Actor { id name roles clubMember commune { insee } }\n               ... on Product { id name broader { id } }\n             }\n           } }": types.SearchHitsDocument,
    "\n      query Neighbourhood($actorId: String!, $depth: Int, $filter: NeighbourhoodFilter) {\n        neighbourhood(actorId: $actorId, depth: $depth, filter: $filter) {\n          nodes { id label kind roles position { latitude longitude } communeName clubMember depth }\n          edges { id source target productId productName labels volume unit distanceKm }\n          truncated\n        }\n      }": types.NeighbourhoodDocument,
    "query ActorsGeoJson($filter: ActorFilter) { actorsGeoJson(filter: $filter) }": types.ActorsGeoJsonDocument,
    "query CommunesGeoJson($d: String, $e: String) { communesGeoJson(departmentCode: $d, epciSiren: $e) }": types.CommunesGeoJsonDocument,
    "query SupplyLinksGeoJson($filter: SupplyLinkFilter) { supplyLinksGeoJson(filter: $filter) }": types.SupplyLinksGeoJsonDocument,
    "query ServiceOverHttp { service { name version database } }": types.ServiceOverHttpDocument,
    "\n  query Suppliers($input: SupplierSearchInput!, $first: Int, $after: String) {\n    suppliers(input: $input, first: $first, after: $after) {\n      product { id }\n      buyer { id }\n      place { point { latitude longitude } commune { insee } epci { siren } department { code } }\n      local { scope radiusKm departmentCodes epci { siren } isDefault description }\n      maxIntermediaries\n      matches {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        edges {\n          cursor\n          node {\n            supplier { id location { latitude longitude } }\n            offer { id }\n            product { id }\n            labels { id }\n            distanceKm\n            intermediaries\n            circuitCourt\n            capacity\n            capacityUnit\n            months\n            clubMember\n            path { kind actor { id } role product { id } distanceKm }\n          }\n        }\n      }\n    }\n  }": types.SuppliersDocument,
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
export function graphql(source: "\n  query Names($filter: ActorFilter, $sort: ActorSort, $first: Int, $after: String, $last: Int, $before: String) {\n    actors(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name distanceKm } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }"): (typeof documents)["\n  query Names($filter: ActorFilter, $sort: ActorSort, $first: Int, $after: String, $last: Int, $before: String) {\n    actors(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {\n      edges { cursor node { id name distanceKm } }\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FarmCount { actors(filter: {roles: [FARM]}, first: 1) { totalCount } }"): (typeof documents)["query FarmCount { actors(filter: {roles: [FARM]}, first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Links($filter: SupplyLinkFilter, $first: Int, $after: String, $last: Int) {\n        supplyLinks(filter: $filter, first: $first, after: $after, last: $last) {\n          totalCount\n          nodes { id volume }\n          pageInfo { hasNextPage endCursor }\n        }\n      }"): (typeof documents)["\n      query Links($filter: SupplyLinkFilter, $first: Int, $after: String, $last: Int) {\n        supplyLinks(filter: $filter, first: $first, after: $after, last: $last) {\n          totalCount\n          nodes { id volume }\n          pageInfo { hasNextPage endCursor }\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActorRelations {\n        actor(id: \"t-gamma\") {\n          name commune { insee name epci { name } department { code region { name } } }\n          offers { product { id broader { id } } labels { id } }\n          suppliers { actor { id } products { id } links { volume } }\n          customers { actor { id } products { name } }\n          distanceKm(from: { communeInsee: \"26362\" })\n        }\n      }"): (typeof documents)["query ActorRelations {\n        actor(id: \"t-gamma\") {\n          name commune { insee name epci { name } department { code region { name } } }\n          offers { product { id broader { id } } labels { id } }\n          suppliers { actor { id } products { id } links { volume } }\n          customers { actor { id } products { name } }\n          distanceKm(from: { communeInsee: \"26362\" })\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LinkProvenance {\n        supplyLink(id: \"t-l4\") {\n          supplier { name } product { id }\n          sourcedFrom { supplier { name } product { id }\n            sourcedFrom { supplier { name } product { id }\n              sourcedFrom { supplier { name } product { id } sourcedFrom { id } } } }\n        }\n      }"): (typeof documents)["query LinkProvenance {\n        supplyLink(id: \"t-l4\") {\n          supplier { name } product { id }\n          sourcedFrom { supplier { name } product { id }\n            sourcedFrom { supplier { name } product { id }\n              sourcedFrom { supplier { name } product { id } sourcedFrom { id } } } }\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Page($first: Int!) {\n        actors(filter: { roles: [FARM] }, first: $first) {\n          nodes {\n            id commune { name epci { name } }\n            offers { product { name } labels { id } }\n            suppliers { actor { name } products { name } }\n            customers { actor { name } }\n          }\n        }\n      }"): (typeof documents)["\n      query Page($first: Int!) {\n        actors(filter: { roles: [FARM] }, first: $first) {\n          nodes {\n            id commune { name epci { name } }\n            offers { product { name } labels { id } }\n            suppliers { actor { name } products { name } }\n            customers { actor { name } }\n          }\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditTrail($first: Int, $after: String, $filter: AuditTrailFilter) {\n    auditTrail(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at accountId accountName role via operation recordKind recordId before after fileSha256 counts } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }"): (typeof documents)["\n  query AuditTrail($first: Int, $after: String, $filter: AuditTrailFilter) {\n    auditTrail(first: $first, after: $after, filter: $filter) {\n      edges { cursor node { id at accountId accountName role via operation recordKind recordId before after fileSha256 counts } }\n      pageInfo { hasNextPage endCursor }\n      totalCount\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConfidentialUpstream { upstream(actorId: \"q-c\", productId: \"farine-ble-t80\") { edges { link { id volume } volume } } }"): (typeof documents)["query ConfidentialUpstream { upstream(actorId: \"q-c\", productId: \"farine-ble-t80\") { edges { link { id volume } volume } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConfidentialNeighbourhood { neighbourhood(actorId: \"q-b\") { edges { id volume } } }"): (typeof documents)["query ConfidentialNeighbourhood { neighbourhood(actorId: \"q-b\") { edges { id volume } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConfidentialUnmetNeeds { unmetNeeds(scope: { actorId: \"q-b\" }, includePartial: true, candidates: 0) { needs { need { id volume } volume coveredVolume gap coverage } } }"): (typeof documents)["query ConfidentialUnmetNeeds { unmetNeeds(scope: { actorId: \"q-b\" }, includePartial: true, candidates: 0) { needs { need { id volume } volume coveredVolume gap coverage } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthCreateActor($input: CreateActorInput!) { createActor(input: $input) { id } }"): (typeof documents)["mutation AuthCreateActor($input: CreateActorInput!) { createActor(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }"): (typeof documents)["mutation AuthUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthDeleteActor($id: String!) { deleteActor(id: $id) { id } }"): (typeof documents)["mutation AuthDeleteActor($id: String!) { deleteActor(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthCreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }"): (typeof documents)["mutation AuthCreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthUpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }"): (typeof documents)["mutation AuthUpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthDeleteOffer($id: String!) { deleteOffer(id: $id) { id } }"): (typeof documents)["mutation AuthDeleteOffer($id: String!) { deleteOffer(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthCreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }"): (typeof documents)["mutation AuthCreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthUpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }"): (typeof documents)["mutation AuthUpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthDeleteNeed($id: String!) { deleteNeed(id: $id) { id } }"): (typeof documents)["mutation AuthDeleteNeed($id: String!) { deleteNeed(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthCreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { id } }"): (typeof documents)["mutation AuthCreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthUpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { id } }"): (typeof documents)["mutation AuthUpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthDeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id } }"): (typeof documents)["mutation AuthDeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuthImportRecords($input: ImportInput!) { importRecords(input: $input) { written counts { offers } } }"): (typeof documents)["mutation AuthImportRecords($input: ImportInput!) { importRecords(input: $input) { written counts { offers } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PrivateFieldsOfActor($id: String!) {\n      actor(id: $id) {\n        id email phone confidentialVolumes\n        offers { id priceEur capacity }\n        needs { id volume }\n        sales { id volume valueEur }\n        purchases { id volume valueEur }\n      }\n    }"): (typeof documents)["\n    query PrivateFieldsOfActor($id: String!) {\n      actor(id: $id) {\n        id email phone confidentialVolumes\n        offers { id priceEur capacity }\n        needs { id volume }\n        sales { id volume valueEur }\n        purchases { id volume valueEur }\n      }\n    }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateFieldsOfLinks { supplyLinks(filter: { buyerId: \"auth-c\" }) { nodes { id volume valueEur } } }"): (typeof documents)["query PrivateFieldsOfLinks { supplyLinks(filter: { buyerId: \"auth-c\" }) { nodes { id volume valueEur } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrivateFieldsOnTheMap { supplyLinksGeoJson(filter: { buyerId: \"auth-c\" }) }"): (typeof documents)["query PrivateFieldsOnTheMap { supplyLinksGeoJson(filter: { buyerId: \"auth-c\" }) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfidentialVolumesOn { updateActor(id: \"auth-a\", input: { confidentialVolumes: true }) { confidentialVolumes } }"): (typeof documents)["mutation ConfidentialVolumesOn { updateActor(id: \"auth-a\", input: { confidentialVolumes: true }) { confidentialVolumes } }"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportJsonDryRun($content: String!) { importRecords(input: {format: JSON, content: $content, dryRun: true}) { written counts { actors } } }"): (typeof documents)["mutation ImportJsonDryRun($content: String!) { importRecords(input: {format: JSON, content: $content, dryRun: true}) { written counts { actors } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnmetNeeds($scope: MatchmakingScopeInput!, $includePartial: Boolean, $candidates: Int, $local: LocalInput, $maxIntermediaries: Int) {\n    unmetNeeds(scope: $scope, includePartial: $includePartial, candidates: $candidates, local: $local, maxIntermediaries: $maxIntermediaries) {\n      scopeName\n      local { scope radiusKm isDefault description }\n      maxIntermediaries\n      checkedNeeds unmetCount partialCount\n      needs {\n        need { id } buyer { id } product { id } requiredLabels { id }\n        volume unit coverage coveringLinks coveredVolume gap\n        candidates { supplier { id } offer { id } intermediaries distanceKm }\n      }\n    }\n  }"): (typeof documents)["\n  query UnmetNeeds($scope: MatchmakingScopeInput!, $includePartial: Boolean, $candidates: Int, $local: LocalInput, $maxIntermediaries: Int) {\n    unmetNeeds(scope: $scope, includePartial: $includePartial, candidates: $candidates, local: $local, maxIntermediaries: $maxIntermediaries) {\n      scopeName\n      local { scope radiusKm isDefault description }\n      maxIntermediaries\n      checkedNeeds unmetCount partialCount\n      needs {\n        need { id } buyer { id } product { id } requiredLabels { id }\n        volume unit coverage coveringLinks coveredVolume gap\n        candidates { supplier { id } offer { id } intermediaries distanceKm }\n      }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplierCandidates($input: SupplierSearchInput!) {\n    suppliers(input: $input, first: 50) { matches { nodes { supplier { id } offer { id } intermediaries distanceKm } } }\n  }"): (typeof documents)["\n  query SupplierCandidates($input: SupplierSearchInput!) {\n    suppliers(input: $input, first: 50) { matches { nodes { supplier { id } offer { id } intermediaries distanceKm } } }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PotentialBuyers($producerId: String!, $radiusKm: Float, $first: Int) {\n    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {\n      producer { id } radiusKm totalCount\n      buyers { need { id } buyer { id } product { id } requiredLabels { id } offers { id } distanceKm coverage coveredVolume }\n    }\n  }"): (typeof documents)["\n  query PotentialBuyers($producerId: String!, $radiusKm: Float, $first: Int) {\n    potentialBuyers(producerId: $producerId, radiusKm: $radiusKm, first: $first) {\n      producer { id } radiusKm totalCount\n      buyers { need { id } buyer { id } product { id } requiredLabels { id } offers { id } distanceKm coverage coveredVolume }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupplyRisk($scope: RiskScopeInput!, $top: Int) {\n    supplyRisk(scope: $scope, top: $top) {\n      scopeName checkedNeeds coveredNeeds\n      singleSupplierNeeds { need { id } buyer { id } product { id } supplier { id } volume unit coveredVolume }\n      criticalActors { actor { id } needsAffected buyersAffected uncoveredVolumes { unit volume } needs { id } }\n      outsideShare { links outsideLinks linkShare valueEur outsideValueEur valueShare linksWithoutValue }\n    }\n  }"): (typeof documents)["\n  query SupplyRisk($scope: RiskScopeInput!, $top: Int) {\n    supplyRisk(scope: $scope, top: $top) {\n      scopeName checkedNeeds coveredNeeds\n      singleSupplierNeeds { need { id } buyer { id } product { id } supplier { id } volume unit coveredVolume }\n      criticalActors { actor { id } needsAffected buyersAffected uncoveredVolumes { unit volume } needs { id } }\n      outsideShare { links outsideLinks linkShare valueEur outsideValueEur valueShare linksWithoutValue }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActorFields on Actor {\n    id name roles siret clubMember memberGroup email description\n    location { latitude longitude }\n    commune { insee name }\n  }"): (typeof documents)["\n  fragment ActorFields on Actor {\n    id name roles siret clubMember memberGroup email description\n    location { latitude longitude }\n    commune { insee name }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateActor($input: CreateActorInput!) { createActor(input: $input) { ...ActorFields } }"): (typeof documents)["\n  mutation CreateActor($input: CreateActorInput!) { createActor(input: $input) { ...ActorFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { ...ActorFields } }"): (typeof documents)["\n  mutation UpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { ...ActorFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteActor($id: String!) { deleteActor(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"): (typeof documents)["\n  mutation DeleteActor($id: String!) { deleteActor(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OfferFields on Offer {\n    id months capacity capacityUnit deliveryRadiusKm priceEur\n    actor { id } product { id } labels { id } deliveryCommunes { insee } deliveryEpcis { siren }\n  }"): (typeof documents)["\n  fragment OfferFields on Offer {\n    id months capacity capacityUnit deliveryRadiusKm priceEur\n    actor { id } product { id } labels { id } deliveryCommunes { insee } deliveryEpcis { siren }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { ...OfferFields } }"): (typeof documents)["mutation CreateOffer($input: CreateOfferInput!) { createOffer(input: $input) { ...OfferFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ...OfferFields } }"): (typeof documents)["mutation UpdateOffer($id: String!, $input: UpdateOfferInput!) { updateOffer(id: $id, input: $input) { ...OfferFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteOffer($id: String!) { deleteOffer(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"): (typeof documents)["mutation DeleteOffer($id: String!) { deleteOffer(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NeedFields on Need { id volume unit months actor { id } product { id } requiredLabels { id } }"): (typeof documents)["fragment NeedFields on Need { id volume unit months actor { id } product { id } requiredLabels { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { ...NeedFields } }"): (typeof documents)["mutation CreateNeed($input: CreateNeedInput!) { createNeed(input: $input) { ...NeedFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ...NeedFields } }"): (typeof documents)["mutation UpdateNeed($id: String!, $input: UpdateNeedInput!) { updateNeed(id: $id, input: $input) { ...NeedFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteNeed($id: String!) { deleteNeed(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"): (typeof documents)["mutation DeleteNeed($id: String!) { deleteNeed(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LinkFields on SupplyLink {\n    id volume unit valueEur since frequency\n    supplier { id } buyer { id } product { id } labels { id } sourcedFrom { id }\n  }"): (typeof documents)["\n  fragment LinkFields on SupplyLink {\n    id volume unit valueEur since frequency\n    supplier { id } buyer { id } product { id } labels { id } sourcedFrom { id }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { ...LinkFields } }"): (typeof documents)["mutation CreateSupplyLink($input: CreateSupplyLinkInput!) { createSupplyLink(input: $input) { ...LinkFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { ...LinkFields } }"): (typeof documents)["mutation UpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) { updateSupplyLink(id: $id, input: $input) { ...LinkFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"): (typeof documents)["mutation DeleteSupplyLink($id: String!) { deleteSupplyLink(id: $id) { id cascade { offers needs supplyLinks provenanceRelationships } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActorCommune { actor(id: \"act-1\") { name commune { insee } } }"): (typeof documents)["query ActorCommune { actor(id: \"act-1\") { name commune { insee } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MillGone { actor(id: \"act-mill\") { id } }"): (typeof documents)["query MillGone { actor(id: \"act-mill\") { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BakeryNeedsAndPurchases { actor(id: \"act-bakery\") { needs { id } purchases { id } } }"): (typeof documents)["query BakeryNeedsAndPurchases { actor(id: \"act-bakery\") { needs { id } purchases { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FarmOffers { actor(id: \"act-farm\") { offers { id } } }"): (typeof documents)["query FarmOffers { actor(id: \"act-farm\") { offers { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FlourProvenance { supplyLink(id: \"sl-flour\") { sourcedFrom { id } } }"): (typeof documents)["query FlourProvenance { supplyLink(id: \"sl-flour\") { sourcedFrom { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceDuringOutage { service { name database } }"): (typeof documents)["query ServiceDuringOutage { service { name database } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScaleOutCreateActor($input: CreateActorInput!) { createActor(input: $input) { id name } }"): (typeof documents)["mutation ScaleOutCreateActor($input: CreateActorInput!) { createActor(input: $input) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScaleOutUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }"): (typeof documents)["mutation ScaleOutUpdateActor($id: String!, $input: UpdateActorInput!) { updateActor(id: $id, input: $input) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScaleOutDeleteActor($id: String!) { deleteActor(id: $id) { id } }"): (typeof documents)["mutation ScaleOutDeleteActor($id: String!) { deleteActor(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScaleOutReadActor($id: String!) { actor(id: $id) { id name } }"): (typeof documents)["query ScaleOutReadActor($id: String!) { actor(id: $id) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceOfOtherInstance { service { name } }"): (typeof documents)["query ServiceOfOtherInstance { service { name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Search($text: String!, $kinds: [SearchKind!], $first: Int) {\n        search(text: $text, kinds: $kinds, first: $first) {\n          kind id name score\n          hit { __typename ... on Actor { id roles } ... on Product { id family } }\n        }\n      }"): (typeof documents)["\n      query Search($text: String!, $kinds: [SearchKind!], $first: Int) {\n        search(text: $text, kinds: $kinds, first: $first) {\n          kind id name score\n          hit { __typename ... on Actor { id roles } ... on Product { id family } }\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchHits { search(text: \"valence\") {\n             kind\n             hit {\n               __typename\n               ... on Actor { id name roles clubMember commune { insee } }\n               ... on Product { id name broader { id } }\n             }\n           } }"): (typeof documents)["query SearchHits { search(text: \"valence\") {\n             kind\n             hit {\n               __typename\n               ... on Actor { id name roles clubMember commune { insee } }\n               ... on Product { id name broader { id } }\n             }\n           } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query Neighbourhood($actorId: String!, $depth: Int, $filter: NeighbourhoodFilter) {\n        neighbourhood(actorId: $actorId, depth: $depth, filter: $filter) {\n          nodes { id label kind roles position { latitude longitude } communeName clubMember depth }\n          edges { id source target productId productName labels volume unit distanceKm }\n          truncated\n        }\n      }"): (typeof documents)["\n      query Neighbourhood($actorId: String!, $depth: Int, $filter: NeighbourhoodFilter) {\n        neighbourhood(actorId: $actorId, depth: $depth, filter: $filter) {\n          nodes { id label kind roles position { latitude longitude } communeName clubMember depth }\n          edges { id source target productId productName labels volume unit distanceKm }\n          truncated\n        }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ActorsGeoJson($filter: ActorFilter) { actorsGeoJson(filter: $filter) }"): (typeof documents)["query ActorsGeoJson($filter: ActorFilter) { actorsGeoJson(filter: $filter) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommunesGeoJson($d: String, $e: String) { communesGeoJson(departmentCode: $d, epciSiren: $e) }"): (typeof documents)["query CommunesGeoJson($d: String, $e: String) { communesGeoJson(departmentCode: $d, epciSiren: $e) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SupplyLinksGeoJson($filter: SupplyLinkFilter) { supplyLinksGeoJson(filter: $filter) }"): (typeof documents)["query SupplyLinksGeoJson($filter: SupplyLinkFilter) { supplyLinksGeoJson(filter: $filter) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceOverHttp { service { name version database } }"): (typeof documents)["query ServiceOverHttp { service { name version database } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Suppliers($input: SupplierSearchInput!, $first: Int, $after: String) {\n    suppliers(input: $input, first: $first, after: $after) {\n      product { id }\n      buyer { id }\n      place { point { latitude longitude } commune { insee } epci { siren } department { code } }\n      local { scope radiusKm departmentCodes epci { siren } isDefault description }\n      maxIntermediaries\n      matches {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        edges {\n          cursor\n          node {\n            supplier { id location { latitude longitude } }\n            offer { id }\n            product { id }\n            labels { id }\n            distanceKm\n            intermediaries\n            circuitCourt\n            capacity\n            capacityUnit\n            months\n            clubMember\n            path { kind actor { id } role product { id } distanceKm }\n          }\n        }\n      }\n    }\n  }"): (typeof documents)["\n  query Suppliers($input: SupplierSearchInput!, $first: Int, $after: String) {\n    suppliers(input: $input, first: $first, after: $after) {\n      product { id }\n      buyer { id }\n      place { point { latitude longitude } commune { insee } epci { siren } department { code } }\n      local { scope radiusKm departmentCodes epci { siren } isDefault description }\n      maxIntermediaries\n      matches {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage endCursor }\n        edges {\n          cursor\n          node {\n            supplier { id location { latitude longitude } }\n            offer { id }\n            product { id }\n            labels { id }\n            distanceKm\n            intermediaries\n            circuitCourt\n            capacity\n            capacityUnit\n            months\n            clubMember\n            path { kind actor { id } role product { id } distanceKm }\n          }\n        }\n      }\n    }\n  }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;