import { UserError } from '../shared/errors';

/** A registry that cannot be used: one line naming the file, the JSON path of the bad field, and what is expected. */
export class RegistryError extends UserError {
  /** What is wrong and what is expected, on one line. */
  readonly expected: string;

  constructor(
    /** The registry file (or, when none was found, the folder searched from). */
    readonly file: string,
    /** `$`, `$.symbols[0].legacy[1].from`, … */
    readonly jsonPath: string,
    expected: string,
  ) {
    super(`${file}: ${jsonPath}: ${oneLine(expected)}`);
    this.name = 'RegistryError';
    this.expected = oneLine(expected);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
