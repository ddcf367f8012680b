/**
 * A seeded generator that fragments a real codebase's imports the way codebases drift, so that `apply`
 * can be asked to undo it: the original is the expected output, byte for byte.
 *
 * It reads the corpus with the TypeScript compiler API (not with our parser: the generator must not share
 * the engine's blind spots), resolves relative specifiers itself, picks some of the modules that other
 * files import, and gives each a legacy home beside it:
 *
 * - moved: `x_moved` re-exports `x` as a whole (a `modules[]` move); every kind of reference to `x` may
 *   be pointed at it: `import`, `import type`, `export … from`, `export *`, `require()`, `import x =
 *   require()`, `import('…').X` types, and, in synthetic files, `import()` and `jest.mock` / `requireActual`;
 * - renamed: `x_compat` re-exports `x`'s names as `Name_legacy` (and its default as `x_default_legacy`),
 *   each a registry symbol; named imports and re-exports, type-only ones and defaults (`import D from` ➔
 *   `import { x_default_legacy as D } from`) are pointed at it, and `import('…').Name` types;
 * - aliased: a named import of a registry symbol gets a local alias, and every reference follows (renamed by
 *   the TypeScript language service, which is independent of our scope analysis).
 *
 * It fragments only what an engineer could have written and the tool can restore exactly: a specifier that
 * is already in the canonical spelling (relative, `./`, extensionless or `.js` as the file writes, a folder
 * for its index), all of a file's declarations of a module or none, no alias on a name the corpus imports
 * under an alias elsewhere (the tool would rename those too), no alias where the canonical name means
 * anything else in the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** An installed package's folders to copy, as the corpus's own files. */
export interface Corpus {
  name: string;
  packageDir: string;
  folders: string[];
}

export interface Fragmented {
  /** Relative path ➔ original text: the corpus and the synthetic files (the expected output). */
  originals: Map<string, string>;
  /** Relative path ➔ fragmented text, for the files that changed. */
  fragmented: Map<string, string>;
  /** Relative path ➔ text of each legacy module made. */
  shims: Map<string, string>;
  /** The registry, as ssot.config.json holds it. */
  registry: { modules: { from: string; to: string }[]; symbols: { name: string; from: string; legacy?: { name: string; from: string }[] }[] };
  /** Sites fragmented, per form. */
  sites: Record<string, number>;
}

const SOURCE = /\.(d\.)?[cm]?[jt]sx?$/;
const MAX_BYTES = 2 * 1024 * 1024;
const PROBE = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.d.mts', '.d.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCES_OF_OUTPUT: Record<string, string[]> = { '.js': ['.ts', '.tsx', '.d.ts'], '.jsx': ['.tsx'], '.mjs': ['.mts', '.d.mts'], '.cjs': ['.cts', '.d.cts'] };
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** mulberry32, the bench's seeded generator, so that every run fragments the same way. */
export const seeded = (require('../../bench/generate.js') as { mulberry32: (seed: number) => () => number }).mulberry32;

/** The corpus's JS/TS files (at most 2 MiB each, as the CLI reads), relative to the package, sorted. */
export function corpusFiles(corpus: Corpus): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && SOURCE.test(entry.name) && fs.statSync(full).size <= MAX_BYTES) found.push(path.relative(corpus.packageDir, full));
    }
  };
  for (const folder of corpus.folders) walk(path.join(corpus.packageDir, folder));
  return found.map(toPosix).sort();
}

// ── reading a file, with the TypeScript compiler API ────────────────────────────────────────────────────

interface Literal {
  /** The literal, quotes included. */
  start: number;
  end: number;
  value: string;
}

interface Named {
  imported: string;
  local: string;
  typeOnly: boolean;
  start: number;
  end: number;
}

interface Decl {
  form: 'import' | 'export';
  typeOnly: boolean;
  literal: Literal;
  named: Named[];
  /** `import D from` / `import D, { … } from`. */
  defaultImport: Named | null;
  namespace: boolean;
  /** Where the clause to rewrite for a default import starts and ends (`D` … `}`). */
  clause: { start: number; end: number; padded: boolean; multiline: boolean } | null;
}

interface StringSite {
  form: 'export-all' | 'require' | 'import-equals' | 'import-type' | 'dynamic-import' | 'mock';
  literal: Literal;
  /** `import('./m').Name`: the leftmost name of the qualifier. */
  qualifier: { name: string; start: number; end: number } | null;
  loads: boolean;
}

interface Scan {
  decls: Decl[];
  strings: StringSite[];
  hasDefaultExport: boolean;
  isCommonJs: boolean;
}

function scriptKind(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function sourceFile(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
}

function literalOf(node: ts.StringLiteralLike, sf: ts.SourceFile): Literal {
  return { start: node.getStart(sf), end: node.end, value: node.text };
}

function scan(file: string, text: string): Scan {
  const sf = sourceFile(file, text);
  const decls: Decl[] = [];
  const strings: StringSite[] = [];
  let hasDefaultExport = false;
  for (const statement of sf.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named: Named[] = [];
      let namespace = false;
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) namespace = true;
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const e of clause.namedBindings.elements) {
          named.push({ imported: (e.propertyName ?? e.name).text, local: e.name.text, typeOnly: e.isTypeOnly, start: e.getStart(sf), end: e.end });
        }
      }
      const defaultImport = clause?.name ? { imported: 'default', local: clause.name.text, typeOnly: false, start: clause.name.getStart(sf), end: clause.name.end } : null;
      let clauseSpan: Decl['clause'] = null;
      if (defaultImport) {
        const bindings = clause!.namedBindings;
        const end = bindings ? bindings.end : defaultImport.end;
        const braces = bindings && ts.isNamedImports(bindings) ? text.slice(bindings.getStart(sf), bindings.end) : '';
        clauseSpan = { start: defaultImport.start, end, padded: braces === '' || /^\{\s/.test(braces), multiline: braces.includes('\n') };
      }
      decls.push({
        form: 'import', typeOnly: !!clause?.isTypeOnly, literal: literalOf(statement.moduleSpecifier, sf), named, defaultImport, namespace, clause: clauseSpan,
      });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const literal = literalOf(statement.moduleSpecifier, sf);
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) {
        strings.push({ form: 'export-all', literal, qualifier: null, loads: !statement.isTypeOnly });
      } else {
        const named = statement.exportClause.elements.map((e) => ({
          imported: (e.propertyName ?? e.name).text, local: e.name.text, typeOnly: e.isTypeOnly, start: e.getStart(sf), end: e.end,
        }));
        decls.push({ form: 'export', typeOnly: statement.isTypeOnly, literal, named, defaultImport: null, namespace: false, clause: null });
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      strings.push({ form: 'import-equals', literal: literalOf(statement.moduleReference.expression, sf), qualifier: null, loads: true });
    }
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) hasDefaultExport = true;
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) ?? [] : [];
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) hasDefaultExport = true;
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      if (statement.exportClause.elements.some((e) => e.name.text === 'default')) hasDefaultExport = true;
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const literal = literalOf(node.arguments[0], sf);
      if (ts.isIdentifier(node.expression) && node.expression.text === 'require') strings.push({ form: 'require', literal, qualifier: null, loads: true });
      else if (node.expression.kind === ts.SyntaxKind.ImportKeyword) strings.push({ form: 'dynamic-import', literal, qualifier: null, loads: false });
      else if (ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'jest') {
        strings.push({ form: 'mock', literal, qualifier: null, loads: false });
      }
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      let qualifier: ts.EntityName | undefined = node.qualifier;
      while (qualifier && ts.isQualifiedName(qualifier)) qualifier = qualifier.left;
      strings.push({
        form: 'import-type', literal: literalOf(node.argument.literal, sf), loads: false,
        qualifier: qualifier ? { name: qualifier.text, start: qualifier.getStart(sf), end: qualifier.end } : null,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  const isCommonJs = /\bmodule\.exports\b|\bexports\.\w+\s*=|Object\.defineProperty\(exports/.test(text) && !decls.some((d) => d.form === 'import');
  return { decls, strings, hasDefaultExport, isCommonJs };
}

// ── resolving and spelling specifiers, as TypeScript does ───────────────────────────────────────────────

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isIndex(file: string): boolean {
  return /^index\.(d\.)?[cm]?[jt]sx?$/.test(path.posix.basename(file));
}

function extensionOf(file: string): string {
  return /(\.d\.[cm]?ts|\.[cm]?[jt]sx?)$/.exec(file)?.[1] ?? '';
}

/** The corpus file (relative) a relative specifier written in `from` names; null for a package or none. */
function resolveIn(files: Set<string>, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (base.startsWith('..')) return null;
  const written = path.posix.extname(base);
  for (const extension of SOURCES_OF_OUTPUT[written] ?? []) if (files.has(base.slice(0, -written.length) + extension)) return base.slice(0, -written.length) + extension;
  if (SOURCE.test(base) && files.has(base)) return base;
  for (const extension of PROBE) if (files.has(base + extension)) return base + extension;
  for (const extension of PROBE) if (files.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
  return null;
}

/**
 * How the tool writes a specifier for `target` in `from`, in the style of `styleOf`: relative, `./` for a
 * sibling, a folder for its index, extensionless unless the style has one (then the compiled name).
 */
function spell(from: string, target: string, styleOf: string): string {
  const withExtension = /\.[cm]?[jt]sx?$/.test(path.posix.basename(styleOf)) && !/^\.\.?$/.test(path.posix.basename(styleOf));
  const extension = extensionOf(target);
  const stem = target.slice(0, -extension.length);
  let written: string;
  if (withExtension) written = stem + (/m[jt]s$/.test(extension) ? '.mjs' : /c[jt]s$/.test(extension) ? '.cjs' : '.js');
  else written = isIndex(target) ? path.posix.dirname(target) : stem;
  const relative = path.posix.relative(path.posix.dirname(from), written);
  if (relative === '') return '.';
  return relative === '..' || relative.startsWith('../') ? relative : `./${relative}`;
}

// ── fragmenting ─────────────────────────────────────────────────────────────────────────────────────────

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) throw new Error(`overlapping fragment edits at ${edit.start}`);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

type Strategy = 'moved' | 'renamed';

interface Chosen {
  strategy: Strategy;
  /** The legacy module made for it (relative path). */
  shim: string;
  /** Names registered at this module (its canonical symbols); for `renamed`, each with its legacy name. */
  names: Map<string, string | null>;
}

/** The registry's name of a corpus file: its path without extension (an index, its folder). */
function registryName(file: string): string {
  const stem = file.slice(0, -extensionOf(file).length);
  return isIndex(file) ? path.posix.dirname(stem) : stem;
}

function legacyName(module: string, name: string): string {
  return name === 'default' ? `${path.posix.basename(registryName(module)).replace(/\W/g, '_')}_default_legacy` : `${name}_legacy`;
}

export interface FragmentOptions {
  seed: number;
  /** Share of the imported modules that get a legacy home. */
  modules: number;
  /** Share of a chosen module's importing files that are fragmented. */
  files: number;
  /** Aliases made, at most. */
  aliases: number;
}

export function fragment(corpusTexts: Map<string, string>, options: FragmentOptions): Fragmented {
  const random = seeded(options.seed);
  const originals = new Map(corpusTexts);
  const files = new Set(originals.keys());
  const scans = new Map([...originals].map(([file, text]) => [file, scan(file, text)]));

  // Who imports what, and the names imported under an alias (those the tool would rename if registered).
  const importers = new Map<string, Set<string>>();
  const aliased = new Set<string>();
  for (const [file, s] of scans) {
    for (const site of [...s.decls, ...s.strings]) {
      const target = resolveIn(files, file, site.literal.value);
      if (!target || target === file) continue;
      if (!importers.has(target)) importers.set(target, new Set());
      importers.get(target)!.add(file);
      if ('named' in site && site.form === 'import') for (const n of site.named) if (n.imported !== n.local) aliased.add(`${target}#${n.imported}`);
    }
  }

  // Choose the modules that get a legacy home; their own files are never rewritten, so never fragmented.
  const chosen = new Map<string, Chosen>();
  for (const module of [...importers.keys()].sort()) {
    if (random() >= options.modules) continue;
    const commonJs = scans.get(module)!.isCommonJs;
    const strategy: Strategy = commonJs || random() < 0.5 ? 'moved' : 'renamed';
    const extension = extensionOf(module);
    const base = isIndex(module) ? path.posix.dirname(module) : module.slice(0, -extension.length);
    const shim = `${base}_${strategy === 'moved' ? 'moved' : 'compat'}${extension}`;
    if (files.has(shim) || base === '.' || base === '') continue;
    chosen.set(module, { strategy, shim, names: new Map() });
  }
  const isRegistryModule = (file: string): boolean => chosen.has(file);

  const fragmented = new Map<string, string>();
  const sites: Record<string, number> = {};
  const count = (form: string): void => void (sites[form] = (sites[form] ?? 0) + 1);
  let aliasesLeft = options.aliases;

  for (const [file, s] of scans) {
    if (isRegistryModule(file)) continue;
    const text = originals.get(file)!;
    const edits: Edit[] = [];
    // Per module this file reaches: all its declarations and strings, fragmented together or not at all.
    const byModule = new Map<string, { decls: Decl[]; strings: StringSite[] }>();
    const entry = (module: string) => byModule.get(module) ?? byModule.set(module, { decls: [], strings: [] }).get(module)!;
    for (const d of s.decls) {
      const target = resolveIn(files, file, d.literal.value);
      if (target && chosen.has(target)) entry(target).decls.push(d);
    }
    for (const str of s.strings) {
      const target = resolveIn(files, file, str.literal.value);
      if (target && chosen.has(target)) entry(target).strings.push(str);
    }
    const rewritten: { module: string; decls: Decl[]; strings: StringSite[] }[] = [];
    for (const [module, { decls, strings }] of byModule) {
      if (random() >= options.files) continue;
      const home = chosen.get(module)!;
      // Only what is written as the tool writes it can come back byte for byte.
      const canonical = (literal: Literal): boolean => spell(file, module, literal.value) === literal.value && !/(^|\/)index(\.[cm]?[jt]sx?)?$/.test(literal.value);
      if (![...decls, ...strings].every((site) => canonical(site.literal))) continue;
      // Two declarations of one module, form and kind would come back merged into one.
      const kinds = decls.filter((d) => !d.namespace).map((d) => `${d.form}:${d.typeOnly}`);
      if (new Set(kinds).size !== kinds.length) continue;
      if (home.strategy === 'moved') {
        rewritten.push({ module, decls, strings });
        continue;
      }
      // renamed: every name of every named declaration maps; a namespace import or `export *` stays on the module.
      const named = decls.filter((d) => !d.namespace && (d.named.length > 0 || d.defaultImport) && !(d.defaultImport && d.clause!.multiline));
      const names = named.flatMap((d) => [...d.named, ...(d.defaultImport ? [d.defaultImport] : [])]);
      if (names.some((n) => !IDENTIFIER.test(n.imported) || (n.imported !== 'default' && aliased.has(`${module}#${n.imported}`)))) continue;
      const qualified = strings.filter((str) => str.qualifier && IDENTIFIER.test(str.qualifier.name) && !aliased.has(`${module}#${str.qualifier.name}`));
      if (named.length + qualified.length > 0) rewritten.push({ module, decls: named, strings: qualified });
    }

    // Aliases first: a named import of a chosen module gets a local alias, every reference renamed with it.
    const aliasOf = new Map<Named, string>();
    for (const d of s.decls) {
      if (d.form !== 'import' || aliasesLeft <= 0 || random() >= 0.5) continue;
      const module = resolveIn(files, file, d.literal.value);
      if (!module || !chosen.has(module)) continue;
      for (const n of d.named) {
        if (n.imported !== n.local || !IDENTIFIER.test(n.imported) || aliased.has(`${module}#${n.imported}`)) continue;
        const alias = aliasEdits(file, text, n);
        if (!alias) continue;
        const home = chosen.get(module)!;
        if (!home.names.has(n.imported)) home.names.set(n.imported, null);
        aliasOf.set(n, alias.name);
        edits.push(...alias.edits);
        count('alias');
        aliasesLeft--;
        break;
      }
    }
    const local = (n: Named): string => aliasOf.get(n) ?? n.local;
    const typePrefix = (n: Named): string => (n.typeOnly ? 'type ' : '');

    for (const { module, decls, strings } of rewritten) {
      const home = chosen.get(module)!;
      const repoint = (literal: Literal): void => void edits.push({ start: literal.start + 1, end: literal.end - 1, text: spell(file, home.shim, literal.value) });
      for (const d of decls) {
        repoint(d.literal);
        count(d.form === 'export' ? 'export … from' : d.typeOnly ? 'import type' : 'import');
        if (home.strategy === 'moved') continue;
        const legacy = (n: Named): string => {
          home.names.set(n.imported, legacyName(module, n.imported));
          return `${typePrefix(n)}${legacyName(module, n.imported)} as ${local(n)}`;
        };
        if (d.defaultImport) {
          // import D, { a } from './m' ➔ import { m_default_legacy as D, a_legacy as a } from './m_compat'
          const pad = d.clause!.padded ? ' ' : '';
          edits.push({ start: d.clause!.start, end: d.clause!.end, text: `{${pad}${[d.defaultImport, ...d.named].map(legacy).join(', ')}${pad}}` });
          count('default');
        } else {
          // import { a, type T } from './m' ➔ import { a_legacy as a, type T_legacy as T } from './m_compat'
          for (const n of d.named) edits.push({ start: n.start, end: n.end, text: legacy(n) });
        }
      }
      for (const str of strings) {
        repoint(str.literal);
        count(str.form);
        if (home.strategy === 'moved') continue;
        // import('./m').Name ➔ import('./m_compat').Name_legacy
        home.names.set(str.qualifier!.name, legacyName(module, str.qualifier!.name));
        edits.push({ start: str.qualifier!.start, end: str.qualifier!.end, text: legacyName(module, str.qualifier!.name) });
      }
    }
    // An alias on a specifier that no legacy rename rewrote: `X` ➔ `X as X_alias1`.
    for (const [n, alias] of aliasOf) {
      if (!edits.some((e) => e.start <= n.start && n.end <= e.end)) edits.push({ start: n.start, end: n.end, text: `${typePrefix(n)}${n.imported} as ${alias}` });
    }
    if (edits.length > 0) fragmented.set(file, applyEdits(text, edits));
  }

  const shims = new Map<string, string>();
  const registry: Fragmented['registry'] = { modules: [], symbols: [] };
  for (const [module, home] of chosen) {
    const scanned = scans.get(module)!;
    const specifier = spell(home.shim, module, '');
    if (home.strategy === 'moved') {
      shims.set(home.shim, scanned.isCommonJs
        ? `"use strict";\nmodule.exports = require("${specifier}");\n`
        : `export * from '${specifier}';\n${scanned.hasDefaultExport ? `export { default } from '${specifier}';\n` : ''}`);
      registry.modules.push({ from: registryName(home.shim), to: registryName(module) });
    } else {
      const legacy = [...home.names].filter(([, l]) => l !== null).map(([name, l]) => `${name} as ${l}`);
      shims.set(home.shim, legacy.length > 0 ? `export { ${legacy.join(', ')} } from '${specifier}';\n` : 'export {};\n');
    }
    for (const [name, l] of home.names) {
      registry.symbols.push({ name, from: registryName(module), ...(l ? { legacy: [{ name: l, from: registryName(home.shim) }] } : {}) });
    }
  }
  return { originals, fragmented, shims, registry, sites };
}

/**
 * An alias for the named import `n`: its name and the edits of every reference but the specifier itself,
 * from the TypeScript language service; null when the rename is not one the tool can undo exactly (a
 * reference that needs a prefix, as a shorthand property does; one in a comment; the name meaning anything
 * else anywhere in the file).
 */
function aliasEdits(file: string, text: string, n: Named): { name: string; edits: Edit[] } | null {
  const alias = `${n.local}_alias1`;
  if (text.includes(alias)) return null;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => (name === file ? ts.ScriptSnapshot.fromString(text) : undefined),
    getCurrentDirectory: () => '/',
    getCompilationSettings: () => ({ allowJs: true, noResolve: true, noLib: true, target: ts.ScriptTarget.Latest }),
    getDefaultLibFileName: () => 'lib.d.ts',
    fileExists: (name) => name === file,
    readFile: (name) => (name === file ? text : undefined),
  };
  const service = ts.createLanguageService(host);
  try {
    const nameStart = n.end - n.local.length;
    const locations = service.findRenameLocations(file, nameStart, false, false, { providePrefixAndSuffixTextForRename: true });
    if (!locations || locations.some((l) => l.fileName !== file)) return null;
    // Every occurrence of the name in the text is one of these references, each an identifier of the code.
    const identifiers = new Set<number>();
    const sf = sourceFile(file, text);
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === n.local) identifiers.add(node.getStart(sf));
      ts.forEachChild(node, visit);
    };
    visit(sf);
    const occurrences = [...text.matchAll(new RegExp(`(?<![\\w$])${n.local.replace(/\$/g, '\\$')}(?![\\w$])`, 'g'))].length;
    if (occurrences !== locations.length || locations.some((l) => !identifiers.has(l.textSpan.start))) return null;
    const edits: Edit[] = [];
    for (const l of locations) {
      if (l.textSpan.start === nameStart) continue;
      if (l.prefixText || l.suffixText) return null;
      edits.push({ start: l.textSpan.start, end: l.textSpan.start + l.textSpan.length, text: alias });
    }
    return { name: alias, edits };
  } finally {
    service.dispose();
  }
}
