import { Observable, concatWith, mergeWith } from 'rxjs';

// rxjs 7 deprecated the operator forms of concat and merge: in the root `rxjs` export those names are
// the creation functions, and the operators are concatWith and mergeWith.
export function followedBy<T>(source: Observable<T>, next: Observable<T>): Observable<T> {
  return source.pipe(concatWith(next));
}

export function mergedWith<T>(source: Observable<T>, other: Observable<T>): Observable<T> {
  return source.pipe(mergeWith(other));
}
