/**
 * Which of the given reference keys exist. Params: $communes (INSEE), $epcis (SIREN), $products,
 * $labels (ids). Returns one row with the four lists of existing keys.
 */
export const EXISTING_REFERENCES = /* cypher */ `
  RETURN
    [insee IN $communes WHERE EXISTS { MATCH (:Commune {insee: insee}) }] AS communes,
    [siren IN $epcis WHERE EXISTS { MATCH (:Epci {siren: siren}) }] AS epcis,
    [id IN $products WHERE EXISTS { MATCH (:Product {id: id}) }] AS products,
    [id IN $labels WHERE EXISTS { MATCH (:Label {id: id}) }] AS labels`;
