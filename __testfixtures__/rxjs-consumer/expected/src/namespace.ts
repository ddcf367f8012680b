import * as operators from 'rxjs/operators';
import { interval } from 'rxjs';

// The namespace of a module the registry maps only in part cannot be repointed: it stays, and that is reported.
export const firstThree = interval(10).pipe(operators.take(3));
