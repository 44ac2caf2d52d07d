import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { NotFoundError } from '../errors';
import { Commune, Department, Epci, Region } from './territory.type';

@Resolver(() => Commune)
export class CommuneResolver {
  @Query(() => Commune, { description: 'A commune by INSEE code. NOT_FOUND when no such commune is in the graph.' })
  async commune(@Arg('insee', () => String) insee: string, @Ctx() { loaders }: Context): Promise<Commune> {
    const commune = await loaders.territory.communeByInsee.load(insee);
    if (!commune) throw new NotFoundError('Commune', insee);
    return commune;
  }

  @FieldResolver(() => Department, { description: 'The department it lies in.' })
  async department(@Root() commune: Commune, @Ctx() { loaders }: Context): Promise<Department> {
    return (await loaders.territory.departmentOfCommune.load(commune.insee))!;
  }

  @FieldResolver(() => Epci, { nullable: true, description: 'Its intercommunality.' })
  epci(@Root() commune: Commune, @Ctx() { loaders }: Context): Promise<Epci | null> {
    return loaders.territory.epciOfCommune.load(commune.insee);
  }
}

@Resolver(() => Epci)
export class EpciResolver {
  @Query(() => Epci, { description: 'An EPCI by SIREN. NOT_FOUND when no such EPCI is in the graph.' })
  async epci(@Arg('siren', () => String) siren: string, @Ctx() { loaders }: Context): Promise<Epci> {
    const epci = await loaders.territory.epciBySiren.load(siren);
    if (!epci) throw new NotFoundError('Epci', siren);
    return epci;
  }

  @FieldResolver(() => [Department], { description: 'The departments its communes lie in (usually one).' })
  departments(@Root() epci: Epci, @Ctx() { loaders }: Context): Promise<Department[]> {
    return loaders.territory.departmentsOfEpci.load(epci.siren);
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { description: 'A department by INSEE code ("26"). NOT_FOUND when not in the graph.' })
  async department(@Arg('code', () => String) code: string, @Ctx() { loaders }: Context): Promise<Department> {
    const department = await loaders.territory.departmentByCode.load(code);
    if (!department) throw new NotFoundError('Department', code);
    return department;
  }

  @FieldResolver(() => Region, { description: 'Its region.' })
  async region(@Root() department: Department, @Ctx() { loaders }: Context): Promise<Region> {
    return (await loaders.territory.regionOfDepartment.load(department.code))!;
  }

  @FieldResolver(() => [Department], { description: 'Departments sharing a land border with it, among those in the graph.' })
  neighbours(@Root() department: Department, @Ctx() { loaders }: Context): Promise<Department[]> {
    return loaders.territory.neighboursOfDepartment.load(department.code);
  }
}
