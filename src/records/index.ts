/**
 * The write model: what makes a valid record, and the shared shapes of identifiers and bounds.
 * (Being built up by the restructuring: record types, field and record rules, write batching and the
 * mutation engine move here.)
 */
export * from './patterns';
