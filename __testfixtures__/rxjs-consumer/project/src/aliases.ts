import { filter as rxFilter, map as rxMap } from 'rxjs/operators';
import type { MonoTypeOperatorFunction, OperatorFunction } from 'rxjs';

export const double: OperatorFunction<number, number> = rxMap((n) => n * 2);
export const positive: MonoTypeOperatorFunction<number> = rxFilter((n) => n > 0);

// A parameter that shadows the alias is another binding: it keeps its name.
export function twice(rxMap: OperatorFunction<number, number>): OperatorFunction<number, number> {
  return (source) => source.pipe(rxMap, rxMap);
}

export const operators = { rxMap, rxFilter };
