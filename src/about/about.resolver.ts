import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ServiceInfo } from './about.type';
import { SERVER_VERSION } from './about.cypher';
import { VERSION } from '../version';

@Resolver(() => ServiceInfo)
export class AboutResolver {
  @Query(() => ServiceInfo, { description: 'The service and the database it answers from; a cheap end-to-end check.' })
  async service(@Ctx() { db }: Context): Promise<ServiceInfo> {
    const [row] = await db.read<{ name: string; version: string }>(SERVER_VERSION);
    return { name: 'Maillon', version: VERSION, database: `${row.name}/${row.version}` };
  }
}
