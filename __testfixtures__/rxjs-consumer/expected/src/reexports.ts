export { filter, map } from 'rxjs';
export type { Observer } from 'rxjs';
