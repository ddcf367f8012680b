/**
 * An error the user can act on (a bad registry or option, a lock held by another run, a batch to recover):
 * the CLI prints its message alone, on one line, and exits 2. Any other error is a bug and keeps its stack,
 * so a new error class meant for the user must extend this one.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
