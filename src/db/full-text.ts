/**
 * Turns free text into a Lucene query for the `name_fulltext` index. Words are folded in
 * JavaScript too (lower case, no accents), because Lucene does not analyse wildcard terms: "Drôm"
 * must become `drom*` to find "Drôme". Every word must match, as itself or as a prefix.
 * Returns null when the text holds no word.
 */
export function toLuceneQuery(text: string): string | null {
  const words = text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  // The analyzer keeps French elisions in the token ("d'epeautre"), so also match them.
  return words.map((w) => `(${w} OR ${w}* OR d'${w}* OR l'${w}*)`).join(' AND ');
}
