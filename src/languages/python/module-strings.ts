/**
 * Where a Python module's dotted name hides outside import statements: the targets of `mock.patch`
 * (`patch('pkg.mod.Name')`, also as a decorator or context manager, and `patch.dict`, `patch.multiple`,
 * `mocker.patch`), pytest's `monkeypatch.setattr('pkg.mod.Name', …)` / `delattr`,
 * `importlib.import_module('pkg.mod')` and `pytest.importorskip('pkg.mod')`; and `from pkg.mod import *`.
 *
 * Only a plain string literal counts — one string, quoted on one line, no f-string, bytes, template or
 * escape — so that its text is the module's name: a logger's name or a message that merely looks like a
 * module is never a module string.
 */
import type { ModuleString, Span } from '../language';
import { NodeType, forEachChild, endOf, type CallNode, type ImportFromNode, type ParseNode } from './syntax';
import { moduleText } from './module-exports';

/** StringTokenFlags that make a string no plain module name. */
const NOT_PLAIN = 4 /* Triplicate */ | 32 /* Bytes */ | 64 /* Format */ | 128 /* Template */ | 65536 /* Unterminated */;

export type PyModuleStringForm = 'star-import' | 'patch-target' | 'module-name' | 'attribute-chain';

export interface PyModuleString extends ModuleString {
  readonly form: PyModuleStringForm;
  /** The text that holds the name: the string's content (quotes excluded), or the star import's module name. */
  readonly content: Span;
}

/** `patch(…)`, `mock.patch(…)`, `patch.dict(…)`…: how the callee ends decides what its first argument is. */
const PATCH_OWNERS = new Set(['', 'mock', 'unittest.mock', 'mocker']);
const MONKEYPATCH = new Set(['setattr', 'delattr']);
const IMPORTERS = new Set(['import_module', 'importorskip']);

/** Only these words can start a module string; a file without them is not walked. */
export const MODULE_STRING_WORDS = /\bpatch\b|\bsetattr\b|\bdelattr\b|\bimport_module\b|\bimportorskip\b/;

/** The dotted callee of a call: `mock.patch.dict` for `mock.patch.dict(…)`; null for anything else. */
function calleeName(node: ParseNode): string | null {
  if (node.nodeType === NodeType.Name) return node.d.value;
  if (node.nodeType === NodeType.MemberAccess) {
    const left = calleeName(node.d.leftExpr);
    return left === null ? null : `${left}.${node.d.member.d.value}`;
  }
  return null;
}

/** The string's value and where its content is, when it is one plain string literal; else null. */
export function plainLiteral(node: ParseNode, text: string): { value: string; literal: Span; content: Span } | null {
  if (node.nodeType !== NodeType.StringList || node.d.strings.length !== 1 || node.d.hasParens) return null;
  const [string] = node.d.strings;
  if (string.nodeType !== NodeType.String) return null;
  const token = string.d.token;
  if ((token.flags & NOT_PLAIN) !== 0) return null;
  const content = { start: string.start + token.prefixLength + token.quoteMarkLength, end: endOf(string) - token.quoteMarkLength };
  const raw = text.slice(content.start, content.end);
  if (raw.includes('\\') || raw !== string.d.value) return null;
  return { value: string.d.value, literal: { start: string.start, end: endOf(string) }, content };
}

function firstArgument(call: CallNode, keyword: string): ParseNode | null {
  const positional = call.d.args.find((a) => !a.d.name && a.d.argCategory === 0);
  if (positional && call.d.args.indexOf(positional) === 0) return positional.d.valueExpr;
  return call.d.args.find((a) => a.d.name?.d.value === keyword)?.d.valueExpr ?? null;
}

function callString(call: CallNode, text: string): PyModuleString | null {
  const callee = calleeName(call.d.leftExpr);
  if (!callee) return null;
  const parts = callee.split('.');
  const last = parts[parts.length - 1];
  const patch = parts.lastIndexOf('patch');
  const owner = patch >= 0 ? parts.slice(0, patch).join('.') : null;
  const method = patch >= 0 ? parts.slice(patch + 1).join('.') : null;
  let form: PyModuleStringForm;
  let label: string;
  let keyword = 'target';
  if (owner !== null && PATCH_OWNERS.has(owner) && (method === '' || method === 'dict')) {
    // patch('pkg.mod.Name'), mock.patch.dict('pkg.mod.CONFIG', …)
    form = 'patch-target';
    label = method === 'dict' ? 'patch.dict' : 'mock.patch';
    keyword = method === 'dict' ? 'in_dict' : 'target';
  } else if (owner !== null && PATCH_OWNERS.has(owner) && method === 'multiple') {
    // patch.multiple('pkg.mod', Name=…): the whole module. (`patch.object(obj, 'x')` names an object by reference.)
    form = 'module-name';
    label = 'patch.multiple';
  } else if (MONKEYPATCH.has(last) && parts.length === 2 && /monkeypatch/i.test(parts[0])) {
    form = 'patch-target';
    label = `monkeypatch.${last}`;
  } else if (IMPORTERS.has(last) && (parts.length === 1 || (parts.length === 2 && ['importlib', 'pytest'].includes(parts[0])))) {
    form = 'module-name';
    label = last === 'import_module' ? 'importlib.import_module' : 'pytest.importorskip';
    keyword = last === 'import_module' ? 'name' : 'modname';
  } else {
    return null;
  }
  const argument = firstArgument(call, keyword);
  const literal = argument ? plainLiteral(argument, text) : null;
  if (!literal || !/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(literal.value)) return null;
  // `monkeypatch.setattr(obj, 'name', v)` names an attribute, not a module: only the dotted one-string form.
  if (form === 'patch-target' && !literal.value.includes('.')) return null;
  return { form, label, value: literal.value, literal: literal.literal, content: literal.content, ...(form === 'patch-target' ? { attributeSeparator: '.' } : {}) };
}

/** `from pkg.mod import *`: its module name is repointed in place. */
export function starImportString(node: ImportFromNode): PyModuleString {
  const name = node.d.module;
  const span = { start: name.start, end: endOf(name) };
  return { form: 'star-import', label: 'from … import *', value: moduleText(node), literal: span, content: span };
}

/** Every module string of a file, in source order; star imports are given by the import reader. */
export function scanModuleStrings(root: ParseNode, text: string): PyModuleString[] {
  const found: PyModuleString[] = [];
  if (!MODULE_STRING_WORDS.test(text)) return found;
  const visit = (node: ParseNode): void => {
    if (node.nodeType === NodeType.Call) {
      const string = callString(node, text);
      if (string) found.push(string);
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found.sort((a, b) => a.literal.start - b.literal.start);
}
