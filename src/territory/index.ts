export { CommuneResolver, DepartmentResolver, EpciResolver } from './territory.resolver';
export { createTerritoryLoaders } from './territory.loaders';
export { Commune, Department, Epci, Region } from './territory.type';
