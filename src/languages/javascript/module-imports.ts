/**
 * The modules a JS/TS file loads when it loads — what an import cycle is made of: `import … from`,
 * side-effect `import '…'`, `export … from`, `export * from`, `require('…')` and `import x = require('…')`.
 * Type-only declarations (`import type`, `export type … from`, a list of `type` names only) load nothing;
 * `import()` loads later, and a mock's path is no import. Read from the file's source, as its exports are.
 */
import * as fs from 'node:fs';
import { ModuleReadError } from '../language';
import { parseSource } from './parse';
import { requireSource, scanModuleReferences, stringValue } from './module-strings';
import type { AnyNode } from './scope';

/** The specifiers a file loads at load time, as written, in source order. Throws ModuleReadError. */
export function readLoadedSpecifiers(file: string): string[] {
  let program: AnyNode;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
    program = parseSource(text, file).program as unknown as AnyNode;
  } catch (error) {
    throw new ModuleReadError(file, (error as Error).message);
  }
  return loadedSpecifiersOf(program, text);
}

/** readLoadedSpecifiers, of a file already parsed (its exports were read from the same parse). */
export function loadedSpecifiersOf(program: AnyNode, text: string): string[] {
  const specifiers: string[] = [];
  for (const statement of program.body) {
    const isDeclaration = statement.type === 'ImportDeclaration' || (statement.type === 'ExportNamedDeclaration' && statement.source);
    if (isDeclaration && !typeOnly(statement)) specifiers.push(stringValue(statement.source) ?? '');
  }
  const { requireDeclarations, strings } = scanModuleReferences(program, text, true);
  for (const declaration of requireDeclarations) specifiers.push(stringValue(requireSource(declaration.declarations[0].init)) ?? '');
  for (const string of strings) if (string.loads) specifiers.push(string.value);
  return specifiers.filter((specifier) => specifier !== '');
}

/** `import type { A }`, `export type { A } from`, `import { type A, type B }`: erased from the output. */
function typeOnly(statement: AnyNode): boolean {
  const kind = statement.type === 'ImportDeclaration' ? statement.importKind : statement.exportKind;
  if (kind === 'type' || kind === 'typeof') return true;
  const specifiers: AnyNode[] = statement.specifiers;
  return specifiers.length > 0 && specifiers.every((s) => (s.importKind ?? s.exportKind) === 'type');
}
