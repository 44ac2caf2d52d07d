export { ActorPageResolver } from './actor-page.resolver';
