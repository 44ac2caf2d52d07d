export { ActorPageResolver } from './actor-page.resolver';
export { ANSWERED_FROM_ROW, answerFromRows } from './answered-from-row';
