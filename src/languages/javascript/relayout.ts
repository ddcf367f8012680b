/**
 * Statements a rename or a factory call changed, laid out again by the project's own prettier where it laid
 * them out before. `new E(ctx)` ➔ `new UserExecutionEngineFactory(ctx)` can push a line past the print width
 * (or bring a call prettier broke back within it), and `prettier --check` would then fail a file that passed.
 * Only where prettier is the file's formatter (the project configures it, or the file passes its check), and
 * only a top-level statement that prettier wrote as it stood and would not write as the edits leave it, is
 * written anew, as prettier writes it. Import declarations are the import renderer's; a project without
 * prettier keeps the edits as they are. README: "How the output is formatted".
 */
import type { TextEdit } from '../language';
import { applyEdits } from '../../shared/splice';
import { prettierCheck, prettierConfig, prettierFormat, projectPrettier, type PrettierConfig } from './prettier';
import type { AnyNode } from './scope';

/** Statements that only the import renderer writes: what it changes there is already laid out. */
const DECLARATIONS_OF_MODULES = new Set(['ImportDeclaration', 'ExportAllDeclaration', 'TSImportEqualsDeclaration']);

/** What the project's prettier writes for each statement of `program` that `edits` change, where that differs. */
export function relayoutStatements(path: string, text: string, program: AnyNode, edits: readonly TextEdit[], tree?: string): TextEdit[] {
  const touched = new Map<AnyNode, TextEdit[]>();
  const body = program.body as AnyNode[];
  for (const edit of edits) {
    // Cost per edit bounded (issue 15: one file with 40,000 sites): a binary search among the top-level
    // statements, and each statement's edits gathered in place.
    const statement = statementHolding(body, edit);
    if (!statement || DECLARATIONS_OF_MODULES.has(statement.type) || statement.source) continue;
    let inside = touched.get(statement);
    if (!inside) touched.set(statement, (inside = []));
    inside.push(edit);
  }
  if (touched.size === 0) return [];
  const entry = projectPrettier(path, tree);
  if (!entry) return [];
  let config: PrettierConfig;
  try {
    config = prettierConfig(entry, path);
  } catch {
    // A configuration prettier cannot read fails the project's own check already.
    return [];
  }
  const options = { ...config.options, filepath: path };
  // Prettier is the file's formatter when the project configures it, or when the file passes its check: a
  // prettier that is merely installed (a dependency's) lays out nothing in a file it did not write.
  if (!config.configFile && !prettierCheck(entry, text, options)) return [];
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const relaid: TextEdit[] = [];
  for (const [statement, inside] of touched) {
    const before = text.slice(statement.start, statement.end);
    const after = applyEdits(before, inside.map((e) => ({ ...e, start: e.start - statement.start, end: e.end - statement.start })));
    // Checked alone, as prettier formats each statement of a file: as the edits leave it, then as it was.
    if (prettierCheck(entry, `${after}\n`, options) || !prettierCheck(entry, `${before}\n`, options)) continue;
    try {
      const formatted = prettierFormat(entry, after, options).replace(/\s+$/, '');
      relaid.push({ start: statement.start, end: statement.end, text: formatted.split(/\r?\n/).join(eol) });
    } catch {
      // What prettier cannot format stays as the edits wrote it.
    }
  }
  return relaid;
}

/**
 * The top-level statement `edit` lies within (an insertion at a statement's very start or end is not
 * within it), or undefined. The statements are in source order and do not overlap: the last one starting
 * at or before the edit is the only one that can hold it.
 */
function statementHolding(body: readonly AnyNode[], edit: TextEdit): AnyNode | undefined {
  let low = 0;
  let high = body.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (body[middle].start <= edit.start) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const s = found < 0 ? undefined : body[found];
  if (!s || edit.end > s.end || (edit.start === edit.end && (edit.start === s.start || edit.end === s.end))) return undefined;
  return s;
}
