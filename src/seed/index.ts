export { seedDatabase, loadReferenceData, writeCatalog } from './seed';
