export { filter, map } from 'rxjs/operators';
export type { Observer } from 'rxjs/internal/types';
