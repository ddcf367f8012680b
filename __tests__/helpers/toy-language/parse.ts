/**
 * The toy language's parser: one statement a line, each read by one regular expression with match indices
 * (the `d` flag), so every position is an exact offset of the text. Blank lines and `# comments` are skipped;
 * an indented line is in the body of the `fn` above it (its references are deferred).
 *
 *   use A, B as C from "../path"   an import (specifiers: paths relative to the file, without `.toy`)
 *   new Name(a, ...b)              a construct call          Name(a, b)   a call
 *   ref Name   type Name           a value / type reference
 *   fn Name    export Name         a local declaration / a declaration the module exports
 *   mock "../path"                 a module string
 */
import { SourceParseError, type Span } from '../../../src/languages/language';

export interface ToyName extends Span {
  name: string;
}

export interface ToyArgument extends ToyName {
  spread: boolean;
}

export interface ToySpecifier extends Span {
  imported: ToyName;
  local: ToyName;
}

interface Base {
  /** The statement, from its first character to its last (indentation and trailing blanks excluded). */
  span: Span;
  indent: string;
  deferred: boolean;
}

export type ToyStatement = Base &
  (
    | { kind: 'use'; specs: ToySpecifier[]; source: Span; specifier: string }
    | { kind: 'new' | 'call'; callee: ToyName; args: ToyArgument[] }
    | { kind: 'ref' | 'type' | 'fn' | 'export'; name: ToyName }
    | { kind: 'mock'; literal: Span; value: string }
  );

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const USE = new RegExp(`^(\\s*)use (.+?) from ("([^"]*)")\\s*$`, 'd');
const SPEC = new RegExp(`\\s*(${NAME})(?:\\s+as\\s+(${NAME}))?\\s*(?:,|$)`, 'yd');
const CALL = new RegExp(`^(\\s*)((new )?(${NAME})\\(([^()]*)\\))\\s*$`, 'd');
const WORD = new RegExp(`^(\\s*)(ref|type|fn|export) (${NAME})\\s*$`, 'd');
const MOCK = /^(\s*)mock ("([^"]*)")\s*$/d;
const ARGUMENT = new RegExp(`^(\\.\\.\\.)?(${NAME})$`);

export function parseToy(file: string, text: string): ToyStatement[] {
  const statements: ToyStatement[] = [];
  let lineStart = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const statement = parseLine(line, lineStart, (column, reason) => {
      throw new SourceParseError(file, index + 1, column + 1, reason);
    });
    if (statement) statements.push(statement);
    lineStart += raw.length + 1;
  });
  return statements;
}

type Fail = (column: number, reason: string) => never;

function parseLine(line: string, at: number, fail: Fail): ToyStatement | null {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return null;
  const span = (m: RegExpExecArray, group: number): Span => ({ start: at + m.indices![group][0], end: at + m.indices![group][1] });
  const name = (m: RegExpExecArray, group: number): ToyName => ({ ...span(m, group), name: m[group] });
  const indent = line.slice(0, line.length - line.trimStart().length);
  const statementSpan: Span = { start: at + indent.length, end: at + line.trimEnd().length };
  const base = { span: statementSpan, indent, deferred: indent.length > 0 };

  let m = USE.exec(line);
  if (m) return { ...base, kind: 'use', specs: readSpecifiers(m, at, fail), source: span(m, 3), specifier: m[4] };
  m = CALL.exec(line);
  if (m) return { ...base, kind: m[3] ? 'new' : 'call', callee: name(m, 4), args: readArguments(m, at, fail) };
  m = WORD.exec(line);
  if (m) return { ...base, kind: m[2] as 'ref' | 'type' | 'fn' | 'export', name: name(m, 3) };
  m = MOCK.exec(line);
  if (m) return { ...base, kind: 'mock', literal: span(m, 2), value: m[3] };
  return fail(indent.length, `not a toy statement: ${JSON.stringify(trimmed)}`);
}

/** `A, B as C`: each specifier from its first name to its last. */
function readSpecifiers(m: RegExpExecArray, at: number, fail: Fail): ToySpecifier[] {
  const list = m[2];
  const offset = m.indices![2][0];
  const specs: ToySpecifier[] = [];
  SPEC.lastIndex = 0;
  while (SPEC.lastIndex < list.length) {
    const s = SPEC.exec(list);
    if (!s) return fail(offset + SPEC.lastIndex, `expected a name or "Name as Local" in ${JSON.stringify(list)}`);
    const imported = { start: at + offset + s.indices![1][0], end: at + offset + s.indices![1][1], name: s[1] };
    const local = s[2] ? { start: at + offset + s.indices![2][0], end: at + offset + s.indices![2][1], name: s[2] } : imported;
    specs.push({ start: imported.start, end: local.end, imported, local });
  }
  return specs;
}

function readArguments(m: RegExpExecArray, at: number, fail: Fail): ToyArgument[] {
  const list = m[5];
  if (list.trim() === '') return [];
  const args: ToyArgument[] = [];
  let offset = m.indices![5][0];
  for (const piece of list.split(',')) {
    const leading = piece.length - piece.trimStart().length;
    const written = piece.trim();
    const a = ARGUMENT.exec(written);
    if (!a) return fail(offset + leading, `expected an argument name, found ${JSON.stringify(written)}`);
    const start = at + offset + leading + (a[1] ? 3 : 0);
    args.push({ start, end: start + a[2].length, name: a[2], spread: !!a[1] });
    offset += piece.length + 1;
  }
  return args;
}
