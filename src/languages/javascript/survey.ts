/**
 * What `ssot-codemod init` reads in a JS/TS file: whether it only re-exports other modules (`export *
 * from`, `export { X as Y } from`, an import handed straight on, `module.exports = require(…)`), and what
 * is marked `@deprecated` in it (its header, or one export's doc comment).
 */
import type { ModuleSurvey } from '../language';
import { parseSource } from './parse';
import type { AnyNode } from './scope';
import { requireSource, stringValue } from './module-strings';
import { nameOf } from './import-reader';

type Reexport = NonNullable<ModuleSurvey['reexportsOnly']>[number];
type Named = Exclude<Reexport['names'], 'all'>[number];

export function surveyModule(path: string, text: string): ModuleSurvey {
  const file = parseSource(text, path);
  const program = file.program as AnyNode;
  const comments: AnyNode[] = (file.comments ?? []) as AnyNode[];
  return {
    reexportsOnly: reexportsOnly(program.body),
    ...deprecations(program.body, comments),
  };
}

/** Null as soon as one statement does anything but hand another module on. */
function reexportsOnly(body: AnyNode[]): ModuleSurvey['reexportsOnly'] {
  if (body.length === 0) return null;
  const imported = new Map<string, { specifier: string; imported: string }>();
  const bySpecifier = new Map<string, Reexport>();
  const add = (specifier: string, names: Reexport['names']): void => {
    const entry = bySpecifier.get(specifier);
    if (!entry) bySpecifier.set(specifier, { specifier, names });
    else if (entry.names !== 'all') entry.names = names === 'all' ? 'all' : [...entry.names, ...names];
  };
  const handedOn: { local: string; exported: string }[] = [];
  for (const statement of body) {
    switch (statement.type) {
      case 'ExportAllDeclaration':
        // `export * as ns from` makes a namespace, which the registry has no name for.
        if (statement.exported) return null;
        add(statement.source.value, 'all');
        break;
      case 'ExportNamedDeclaration': {
        if (statement.declaration) return null;
        const names: Named[] = [];
        for (const s of statement.specifiers) {
          if (s.type !== 'ExportSpecifier') return null;
          const entry = { exported: nameOf(s.exported), imported: nameOf(s.local) };
          if (statement.source) names.push(entry);
          else handedOn.push({ local: entry.imported, exported: entry.exported });
        }
        if (statement.source) add(statement.source.value, names);
        break;
      }
      case 'ImportDeclaration':
        for (const s of statement.specifiers) {
          if (s.type === 'ImportNamespaceSpecifier') return null;
          imported.set(s.local.name, { specifier: statement.source.value, imported: s.type === 'ImportDefaultSpecifier' ? 'default' : nameOf(s.imported) });
        }
        break;
      case 'ExportDefaultDeclaration':
        if (statement.declaration.type !== 'Identifier') return null;
        handedOn.push({ local: statement.declaration.name, exported: 'default' });
        break;
      case 'ExpressionStatement': {
        // module.exports = require('./new')
        const e = statement.expression;
        const source = e.type === 'AssignmentExpression' && isModuleExports(e.left) ? requireSource(e.right) : null;
        if (!source) return null;
        add(stringValue(source)!, 'all');
        break;
      }
      default:
        return null;
    }
  }
  // An import is handed on only when the file re-exports it; anything else it imports would be used.
  for (const { local, exported } of handedOn) {
    const from = imported.get(local);
    if (!from) return null;
    add(from.specifier, [{ exported, imported: from.imported }]);
  }
  const usedLocals = new Set(handedOn.map((h) => h.local));
  if ([...imported.keys()].some((local) => !usedLocals.has(local))) return null;
  return bySpecifier.size > 0 ? [...bySpecifier.values()] : null;
}

function isModuleExports(node: AnyNode): boolean {
  return node.type === 'MemberExpression' && node.object.type === 'Identifier' && node.object.name === 'module' &&
    !node.computed && node.property.type === 'Identifier' && node.property.name === 'exports';
}

/**
 * `@deprecated` in the comments just above a statement. The file's header (the comments above its first
 * statement) marks the module, unless that statement is an export and the comment is not a file comment
 * (`@file`, `@module`, `@fileoverview`): then it marks the export, as everywhere else.
 * An export is deprecated only when every declaration callers see is marked: an overloaded function
 * with one deprecated signature (a parameter going away) is still the API to use, and its implementation
 * signature, which callers never see, does not count.
 */
function deprecations(body: AnyNode[], comments: AnyNode[]): Pick<ModuleSurvey, 'deprecated' | 'deprecatedExports'> {
  let deprecated: string | null = null;
  const marks = new ExportMarks();
  let previousEnd = 0;
  body.forEach((statement, i) => {
    const above = comments.filter((c) => c.start >= previousEnd && c.end <= statement.start);
    previousEnd = statement.end;
    let note = deprecationNote(above);
    const names = exportedNames(statement);
    const fileComment = above.some((c) => /@(file|module|fileoverview)\b/.test(c.value));
    if (note !== null && i === 0 && (names.length === 0 || fileComment)) {
      deprecated = note;
      note = null;
    }
    const overload = statement.declaration?.type === 'TSDeclareFunction';
    for (const name of names) marks.add(name, note, overload);
  });
  // A file of comments alone, or a header after which nothing follows.
  if (body.length === 0) deprecated = deprecationNote(comments);
  return { deprecated, deprecatedExports: marks.deprecated() };
}

/** Per exported name, the note of its first marked declaration, or null once one is unmarked. */
class ExportMarks {
  private readonly signatures = new Map<string, string | null>();
  private readonly declarations = new Map<string, string | null>();

  add(name: string, note: string | null, overloadSignature: boolean): void {
    const marks = overloadSignature ? this.signatures : this.declarations;
    const previous = marks.get(name);
    marks.set(name, previous === null || note === null ? null : (previous ?? note));
  }

  deprecated(): ModuleSurvey['deprecatedExports'] {
    const names = new Set([...this.signatures.keys(), ...this.declarations.keys()]);
    return [...names].flatMap((name) => {
      const note = this.signatures.has(name) ? this.signatures.get(name) : this.declarations.get(name);
      return typeof note === 'string' ? [{ name, note }] : [];
    });
  }
}

/** The text after the last `@deprecated` tag in these comments, on one line; null when none has one. */
function deprecationNote(comments: AnyNode[]): string | null {
  for (const comment of [...comments].reverse()) {
    const match = /@deprecated\b([\s\S]*?)(?=\n\s*\*?\s*@\w|$)/.exec(comment.value);
    if (match) return match[1].replace(/^\s*\*\s?/gm, '').replace(/\s+/g, ' ').replace(/^[:\s-]+/, '').trim();
  }
  return null;
}

function exportedNames(statement: AnyNode): string[] {
  if (statement.type === 'ExportDefaultDeclaration') return ['default'];
  if (statement.type !== 'ExportNamedDeclaration' || statement.source) return [];
  const declaration = statement.declaration;
  if (!declaration) return statement.specifiers.map((s: AnyNode) => nameOf(s.exported));
  if (declaration.id) return [declaration.id.name];
  if (declaration.type === 'VariableDeclaration') return declaration.declarations.flatMap((d: AnyNode) => (d.id.type === 'Identifier' ? [d.id.name] : []));
  return [];
}
