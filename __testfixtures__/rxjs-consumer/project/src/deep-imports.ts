import { Observable } from 'rxjs/internal/Observable';
import { Subject } from 'rxjs/internal/Subject';
import { map } from 'rxjs/internal/operators/map';
import { takeUntil } from 'rxjs/internal/operators/takeUntil';
import type { OperatorFunction } from 'rxjs/internal/types';

/** The lengths of `source`'s strings, until stop() is called. */
export function lengthsUntilStopped(source: Observable<string>): { lengths: Observable<number>; stop: () => void } {
  const stopped = new Subject<void>();
  const toLength: OperatorFunction<string, number> = map((text) => text.length);
  return { lengths: source.pipe(toLength, takeUntil(stopped)), stop: () => stopped.next() };
}
