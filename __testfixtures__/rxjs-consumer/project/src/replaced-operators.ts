import { Observable } from 'rxjs';
import { concat, merge } from 'rxjs/operators';

// rxjs 7 deprecated the operator forms of concat and merge: in the root `rxjs` export those names are
// the creation functions, and the operators are concatWith and mergeWith.
export function followedBy<T>(source: Observable<T>, next: Observable<T>): Observable<T> {
  return source.pipe(concat(next));
}

export function mergedWith<T>(source: Observable<T>, other: Observable<T>): Observable<T> {
  return source.pipe(merge(other));
}
