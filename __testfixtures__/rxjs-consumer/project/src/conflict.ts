import { from } from 'rxjs';
import { map as rxMap } from 'rxjs/operators';

// `map` is a local here, so the alias cannot become `map`: it stays, and that is reported.
const map = new Map<string, number>([['a', 1]]);

export const incremented = from(map.values()).pipe(rxMap((n) => n + 1));
