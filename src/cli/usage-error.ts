/** A command line that cannot be run as given: exit 2. Apart from the session, so the CLI can refuse one without loading the engine. */
import { UserError } from '../shared/errors';

export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
