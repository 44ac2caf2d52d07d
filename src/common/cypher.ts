/** A Cypher list literal of enum values: fixed strings of ours, never user input. */
export const cypherList = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;
