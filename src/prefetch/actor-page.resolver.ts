import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { ActorConnection, ActorFilter, ActorSort, findActors } from '../actor';
import { PageArgs, selectionOf } from '../common';
import type { Context } from '../context';
import { actorPagePrefetch, prefetchesNothing, toActorPagePrefetch } from './actor-page.prefetch';

/**
 * `Query.actors`, the list every front-end view starts from. It reads the query's selection first,
 * so that a page of actors with their commune, offers and partners is one statement instead of one
 * per relationship field (issue 13, W3); the field resolvers then answer from the primed loaders.
 * It lives here rather than in actor/ because it fills the loaders of offer/, supply/, territory/...
 * which depend on actor/, never the reverse.
 */
@Resolver()
export class ActorPageResolver {
  @Query(() => ActorConnection, { description: 'Actors matching the filters, as a Relay connection with keyset cursors.' })
  actors(
    @Arg('filter', () => ActorFilter, { nullable: true, defaultValue: {} }) filter: ActorFilter | null,
    @Arg('sort', () => ActorSort, { nullable: true, defaultValue: ActorSort.NAME }) sort: ActorSort | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const selection = selectionOf(info);
    const wanted = toActorPagePrefetch(selection);
    const extension = prefetchesNothing(wanted) ? undefined : actorPagePrefetch(wanted, ctx);
    return findActors(filter ?? {}, sort ?? ActorSort.NAME, page, ctx, extension, { countNow: selection.has('totalCount') });
  }
}
