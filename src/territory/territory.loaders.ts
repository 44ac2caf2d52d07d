import { manyByKey, oneByKey } from '../common';
import type { Database } from '../db';
import type { Commune, Department, Epci, Region } from './territory.type';
import {
  COMMUNES_BY_INSEE,
  COMMUNE_OF_ACTORS,
  DEPARTMENTS_BY_CODE,
  DEPARTMENTS_OF_EPCIS,
  DEPARTMENT_OF_COMMUNES,
  EPCIS_BY_SIREN,
  EPCI_OF_COMMUNES,
  NEIGHBOURS_OF_DEPARTMENTS,
  REGION_OF_DEPARTMENTS,
} from './territory.cypher';

export function createTerritoryLoaders(db: Database) {
  return {
    communeByInsee: oneByKey<Commune>(db, 'communeByInsee', COMMUNES_BY_INSEE),
    communeOfActor: oneByKey<Commune>(db, 'communeOfActor', COMMUNE_OF_ACTORS),
    departmentOfCommune: oneByKey<Department>(db, 'departmentOfCommune', DEPARTMENT_OF_COMMUNES),
    epciOfCommune: oneByKey<Epci>(db, 'epciOfCommune', EPCI_OF_COMMUNES),
    departmentsOfEpci: manyByKey<Department>(db, 'departmentsOfEpci', DEPARTMENTS_OF_EPCIS),
    regionOfDepartment: oneByKey<Region>(db, 'regionOfDepartment', REGION_OF_DEPARTMENTS),
    neighboursOfDepartment: manyByKey<Department>(db, 'neighboursOfDepartment', NEIGHBOURS_OF_DEPARTMENTS),
    departmentByCode: oneByKey<Department>(db, 'departmentByCode', DEPARTMENTS_BY_CODE),
    epciBySiren: oneByKey<Epci>(db, 'epciBySiren', EPCIS_BY_SIREN),
  };
}
