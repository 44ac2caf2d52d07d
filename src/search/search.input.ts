import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { InRange } from '../common';
import { SearchKind } from './search.type';

export const DEFAULT_SEARCH_SIZE = 20;
export const MAX_SEARCH_SIZE = 100;
export const MAX_TEXT_LENGTH = 200;

/** The arguments of search, checked at the edge (that the text holds a word is the resolver's: it builds the Lucene query). */
@ArgsType()
export class SearchArgs {
  @Field(() => String, { description: `Words to look for (at least one letter or digit, at most ${MAX_TEXT_LENGTH} characters).` })
  @MaxLength(MAX_TEXT_LENGTH, { message: (args) => `text must be at most ${MAX_TEXT_LENGTH} characters; got ${String(args.value).length}` })
  text!: string;

  @Field(() => [SearchKind], { nullable: true, description: 'Only these kinds of result (omitted or empty: actors and products).' })
  kinds?: SearchKind[] | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_SEARCH_SIZE, description: `How many results, 1 to ${MAX_SEARCH_SIZE}.` })
  @IsOptional()
  @InRange({ min: 1, max: MAX_SEARCH_SIZE, whole: true }, (value) => `first must be between 1 and ${MAX_SEARCH_SIZE}; got ${value}`, {
    field: 'first',
  })
  first?: number | null;
}
