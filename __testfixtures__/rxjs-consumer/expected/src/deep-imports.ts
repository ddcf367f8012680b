import { Observable, Subject, map, takeUntil } from 'rxjs';
import type { OperatorFunction } from 'rxjs';

/** The lengths of `source`'s strings, until stop() is called. */
export function lengthsUntilStopped(source: Observable<string>): { lengths: Observable<number>; stop: () => void } {
  const stopped = new Subject<void>();
  const toLength: OperatorFunction<string, number> = map((text) => text.length);
  return { lengths: source.pipe(toLength, takeUntil(stopped)), stop: () => stopped.next() };
}
