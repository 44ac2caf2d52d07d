export { NeedResolver } from './need.resolver';
export { Need } from './need.type';
