export { ServiceResolver } from './service.resolver';
