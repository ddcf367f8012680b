/** Types of bench/python-mutants.js (plain CommonJS, shared by the tests and bench/python-parsers.js). */
export interface Span {
  start: number;
  end: number;
}

export interface Mutant {
  /** The mutation class: `drop-close-paren`, `trailing-comma-bare`, `future-not-first`… */
  kind: string;
  /** The whole file, mutated. */
  text: string;
  /** The 1-based lines of the damage, where a parser should report it. */
  line: number;
  lastLine: number;
}

export function importMutants(text: string, statements: Span[]): Mutant[];
export function mutantsOfStatement(text: string, span: Span): Mutant[];
export const MUTATION_CLASSES: string[];
/** A Python program: JSON lines `{ "text" }` on stdin ➔ one `{ rejected, line?, column?, message? }` line each. */
export const CPYTHON_ORACLE: string;
