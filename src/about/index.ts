export { ServiceResolver } from './about.resolver';
