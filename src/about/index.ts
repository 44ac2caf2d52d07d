export { AboutResolver } from './about.resolver';
