import { filter, map } from 'rxjs';
import type { MonoTypeOperatorFunction, OperatorFunction } from 'rxjs';

export const double: OperatorFunction<number, number> = map((n) => n * 2);
export const positive: MonoTypeOperatorFunction<number> = filter((n) => n > 0);

// A parameter that shadows the alias is another binding: it keeps its name.
export function twice(rxMap: OperatorFunction<number, number>): OperatorFunction<number, number> {
  return (source) => source.pipe(rxMap, rxMap);
}

export const operators = { rxMap: map, rxFilter: filter };
