import {
  Observable,
  of,
  catchError,
  debounceTime,
  distinctUntilChanged,
  map,
  switchMap,
} from 'rxjs';

/** Type-ahead: trimmed, debounced, de-duplicated terms, each looked up; a failed lookup reads as no results. */
export function search(terms: Observable<string>, lookup: (term: string) => Observable<string[]>): Observable<string[]> {
  return terms.pipe(
    debounceTime(300),
    map((term) => term.trim()),
    distinctUntilChanged(),
    switchMap((term) => lookup(term).pipe(catchError(() => of<string[]>([])))),
  );
}
