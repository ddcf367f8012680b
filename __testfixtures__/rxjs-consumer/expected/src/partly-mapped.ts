import { pluck } from 'rxjs/operators';
import { take } from 'rxjs';
import type { Observable } from 'rxjs';

// `pluck` is not in the registry: it stays on the legacy import, and that is reported.
export function firstName(users: Observable<{ name: string }>): Observable<string> {
  return users.pipe(pluck('name'), take(1));
}
