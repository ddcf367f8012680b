/**
 * `init`: a starter ssot.config.json for the folder, never written over an existing file. It points
 * `$schema` at the installed package's schema, names the tsconfig whose aliases apply, and proposes legacy
 * entries from what the code shows: modules that only re-export another (`export * from`,
 * `export { X as Y } from`), redirect stubs (`module.exports = require(…)`, an import handed straight on),
 * and what is marked `@deprecated`. Each proposal carries a comment saying why (the registry is JSONC).
 * What is certain is written in effect, and checked by loading the registry exactly as `check` would;
 * what needs a human (a barrel, a deprecation with no known replacement, an entry the registry refuses)
 * is written commented out, for the user to complete.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTsconfig } from 'get-tsconfig';
import { registryFromConfig, RegistryError, REGISTRY_FILE_NAME } from '../registry/load';
import type { Registry } from '../registry/types';
import { LANGUAGES } from '../languages';
import { moduleKey, SourceParseError, type ModuleRef, type ModuleSurvey } from '../languages/language';
import { discoverFiles } from '../runner/discover';
import { readSource } from '../runner/read-source';
import { isFile } from '../shared/fs';
import { compareStrings, isInside, realPathOr, relativePosix } from '../shared/paths';
import { UsageError } from './session';

export interface InitOptions {
  cwd: string;
  /** Where to write the registry (default: ssot.config.json in cwd). */
  config?: string;
}

export interface ModuleProposal {
  section: 'modules';
  from: string;
  to: string;
}

export interface SymbolProposal {
  section: 'symbols';
  /** The canonical export and its module. */
  name: string;
  from: string;
  /** The legacy home. */
  legacyName: string;
  legacyFrom: string;
}

export type InitProposal = (ModuleProposal | SymbolProposal) & {
  /** Written in effect; false: written commented out, for the user to complete. */
  active: boolean;
  /** Why it is proposed: its comment in the file. */
  reason: string;
};

export interface InitResult {
  /** The registry written. */
  file: string;
  text: string;
  proposals: InitProposal[];
}

const TODO_MODULE = 'TODO: the module that replaces it';

export function runInit(options: InitOptions): InitResult {
  const file = path.resolve(options.cwd, options.config ?? REGISTRY_FILE_NAME);
  if (fs.existsSync(file)) {
    throw new UsageError(`${file} already exists; init never overwrites a file (edit it, or move it away and run init again)`);
  }
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--config ${options.config}: no folder ${path.dirname(file)} to write it in`);
  }
  const registry = registryFromConfig(file, {});
  const proposals = validated(file, propose(registry));
  const text = render(registry, proposals);
  fs.writeFileSync(file, text, { flag: 'wx' });
  return { file, text, proposals };
}

// ── what the code shows ─────────────────────────────────────────────────────

interface Surveyed {
  file: string;
  module: ModuleRef;
  name: string;
  survey: ModuleSurvey;
}

function propose(registry: Registry): InitProposal[] {
  const surveyed = surveyFiles(registry);
  const names = new RegistryNames(registry);
  /** Where each re-exporting module hands each name on: its whole self, or name by name. */
  const movedTo = new Map<string, ModuleRef>();
  const handedOn = new Map<string, Map<string, { module: ModuleRef; name: string }>>();
  const stubs: { entry: Surveyed; targets: { module: ModuleRef; names: 'all' | { exported: string; imported: string }[] }[] }[] = [];
  for (const entry of surveyed) {
    const reexports = entry.survey.reexportsOnly;
    if (!reexports) continue;
    const targets = reexports.map((r) => ({ module: registry.resolver.resolve(r.specifier, entry.file), names: r.names }));
    if (targets.some((t) => t.module === null || moduleKey(t.module) === moduleKey(entry.module))) continue;
    const resolved = targets as { module: ModuleRef; names: 'all' | { exported: string; imported: string }[] }[];
    stubs.push({ entry, targets: resolved });
    const key = moduleKey(entry.module);
    if (isWholeMove(resolved)) movedTo.set(key, resolved[0].module);
    else if (resolved.every((t) => t.names !== 'all')) {
      handedOn.set(key, new Map(resolved.flatMap((t) => (t.names as { exported: string; imported: string }[]).map((n) => [n.exported, { module: t.module, name: n.imported }]))));
    }
  }

  /** The final home of a name, through stubs that hand it on; null on a cycle. */
  const finalHome = (module: ModuleRef, name: string): { module: ModuleRef; name: string } | null => {
    const seen = new Set<string>();
    let at = { module, name };
    for (;;) {
      const key = moduleKey(at.module);
      if (seen.has(key)) return null;
      seen.add(key);
      const move = movedTo.get(key);
      const next = move ? { module: move, name: at.name } : handedOn.get(key)?.get(at.name);
      if (!next) return at;
      at = next;
    }
  };

  const proposals: InitProposal[] = [];
  for (const { entry, targets } of stubs) {
    const key = moduleKey(entry.module);
    const barrel = /^index\./.test(path.basename(entry.file));
    const shown = relativePosix(registry.root, entry.file);
    if (movedTo.has(key)) {
      const home = finalHome(targets[0].module, '*');
      if (!home) continue;
      const form = targets[0].names === 'all' ? 'export * from' : 'export { … } from, every name unchanged';
      const why = `${shown} only re-exports "${names.of(targets[0].module)}" (${form})`;
      proposals.push({
        section: 'modules', from: entry.name, to: names.of(home.module), active: !barrel,
        reason: barrel ? `${why}, but it is a folder's index, usually its public entry point: uncomment if it is legacy` : `${why}: a redirect stub`,
      });
      continue;
    }
    if (!handedOn.has(key)) continue;
    for (const [exported, target] of handedOn.get(key)!) {
      const home = finalHome(target.module, target.name);
      if (!home) continue;
      const renamed = exported !== target.name ? `${target.name} as ${exported}` : exported;
      const why = `${shown} only re-exports, and hands on ${renamed} from "${names.of(target.module)}"`;
      proposals.push({
        section: 'symbols', name: home.name, from: names.of(home.module), legacyName: exported, legacyFrom: entry.name, active: !barrel,
        reason: barrel ? `${why}, but it is a folder's index, usually its public entry point: uncomment if it is legacy` : why,
      });
    }
  }

  for (const entry of surveyed) {
    if (entry.survey.reexportsOnly) continue;
    const shown = relativePosix(registry.root, entry.file);
    if (entry.survey.deprecated !== null) {
      proposals.push({
        section: 'modules', from: entry.name, to: TODO_MODULE, active: false,
        reason: `${shown} is marked @deprecated${quoted(entry.survey.deprecated)}: name the module that replaces it, then uncomment`,
      });
    }
    for (const { name, note } of entry.survey.deprecatedExports) {
      proposals.push({
        section: 'symbols', name: 'TODO: its canonical name', from: TODO_MODULE, legacyName: name, legacyFrom: entry.name, active: false,
        reason: `${name} in ${shown} is marked @deprecated${quoted(note)}: name its canonical export and module, then uncomment`,
      });
    }
  }
  return dedupe(proposals).sort(byEntry);
}

/** ` ("use X instead")`, cut to a line's length. */
function quoted(note: string): string {
  if (!note) return '';
  return ` ("${note.length > 100 ? `${note.slice(0, 99).trimEnd()}…` : note}")`;
}

function isWholeMove(targets: { names: 'all' | { exported: string; imported: string }[] }[]): boolean {
  if (targets.length !== 1) return false;
  const [{ names }] = targets;
  return names === 'all' || names.every((n) => n.exported === n.imported);
}

function surveyFiles(registry: Registry): Surveyed[] {
  const names = new RegistryNames(registry);
  const surveyed: Surveyed[] = [];
  for (const file of discoverFiles(registry).files) {
    const language = LANGUAGES.find((l) => l.handles(file));
    if (!language?.survey) continue;
    const read = readSource(file);
    if ('skip' in read) continue;
    // A cheap look first: most files hold neither a re-export nor a deprecation.
    if (!/\bexport\b|module\.exports|@deprecated/.test(read.text)) continue;
    let survey: ModuleSurvey;
    try {
      survey = language.survey(file, read.text);
    } catch (error) {
      if (error instanceof SourceParseError) continue;
      throw error;
    }
    if (!survey.reexportsOnly && survey.deprecated === null && survey.deprecatedExports.length === 0) continue;
    const module = registry.resolver.moduleOfFile(file);
    surveyed.push({ file, module, name: names.of(module), survey });
  }
  return surveyed;
}

/** Modules as the registry names them: a path from its folder without extension, or a package's name. */
class RegistryNames {
  private readonly realRoot: string;

  constructor(private readonly registry: Registry) {
    this.realRoot = realPathOr(registry.root);
  }

  of(module: ModuleRef): string {
    if (module.kind === 'package') return module.name;
    const base = isInside(this.realRoot, module.path) ? this.realRoot : this.registry.root;
    return this.registry.resolver.systemOf(module).registryNameOfFile(relativePosix(base, module.path));
  }
}

function entryKey(p: InitProposal): string {
  return p.section === 'modules' ? `m\0${p.from}` : `s\0${p.legacyName}\0${p.legacyFrom}`;
}

function dedupe(proposals: InitProposal[]): InitProposal[] {
  const seen = new Map<string, InitProposal>();
  for (const p of proposals) if (!seen.has(entryKey(p)) || p.active) seen.set(entryKey(p), p);
  return [...seen.values()];
}

function byEntry(a: InitProposal, b: InitProposal): number {
  if (a.section !== b.section) return a.section === 'modules' ? -1 : 1;
  if (a.section === 'modules') return compareStrings(a.from, b.from);
  const s = b as SymbolProposal;
  return compareStrings(a.from, s.from) || compareStrings(a.name, s.name) || compareStrings(a.legacyFrom, s.legacyFrom) || compareStrings(a.legacyName, s.legacyName);
}

// ── the registry they make ──────────────────────────────────────────────────

interface SymbolGroup {
  name: string;
  from: string;
  legacy: InitProposal[];
}

function groups(proposals: InitProposal[]): { modules: InitProposal[]; symbols: SymbolGroup[] } {
  const modules = proposals.filter((p) => p.section === 'modules');
  const symbols: SymbolGroup[] = [];
  for (const p of proposals) {
    if (p.section !== 'symbols') continue;
    let group = symbols.find((g) => g.name === p.name && g.from === p.from);
    if (!group) symbols.push((group = { name: p.name, from: p.from, legacy: [] }));
    group.legacy.push(p);
  }
  return { modules, symbols };
}

/** The proposals in effect, as registry data, and which proposal each entry came from. */
function configOf(proposals: InitProposal[]): { config: Record<string, unknown>; modules: InitProposal[]; symbols: InitProposal[][] } {
  const { modules, symbols } = groups(proposals.filter((p) => p.active));
  const config: Record<string, unknown> = {};
  if (modules.length > 0) config.modules = modules.map((p) => ({ from: p.from, to: (p as ModuleProposal).to }));
  const symbolGroups = symbols.map((g) => ({ name: g.name, from: g.from, legacy: g.legacy.map((p) => ({ name: (p as SymbolProposal).legacyName, from: (p as SymbolProposal).legacyFrom })) }));
  if (symbolGroups.length > 0) config.symbols = symbolGroups;
  return { config, modules, symbols: symbols.map((g) => g.legacy) };
}

/**
 * Loads the proposals in effect as `check` would load the file; an entry the registry refuses is turned
 * into a commented-out proposal that says why, until the rest loads.
 */
function validated(file: string, proposals: InitProposal[]): InitProposal[] {
  for (let attempt = 0; attempt <= proposals.length; attempt++) {
    const { config, modules, symbols } = configOf(proposals);
    try {
      registryFromConfig(file, config);
      return proposals;
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      const at = /^\$\.(modules|symbols)\[(\d+)\](?:\.legacy\[(\d+)\])?/.exec(error.jsonPath);
      if (!at) throw error;
      const index = Number(at[2]);
      const refused = at[1] === 'modules' ? [modules[index]] : at[3] !== undefined ? [symbols[index][Number(at[3])]] : symbols[index];
      for (const p of refused) {
        p.active = false;
        p.reason += `. Not in effect, as the registry refuses it: ${error.expected}`;
      }
    }
  }
  return proposals;
}

// ── the file ────────────────────────────────────────────────────────────────

const HEADER = [
  '// ssot-codemod\'s registry: what is canonical, and the legacy homes it replaces. Written by `ssot-codemod init`.',
  '// Paths are relative to this file\'s folder; a module is named by its path without extension, or a package name.',
  '// Each proposal below says why it is there: keep, complete or delete it, then run `ssot-codemod check`.',
  '// Comments and trailing commas are allowed (JSONC). Reference: https://www.npmjs.com/package/ssot-codemods#the-registry-ssotconfigjson',
];

function render(registry: Registry, proposals: InitProposal[]): string {
  const { modules, symbols } = groups(proposals);
  const lines = [...HEADER, '{', `  "$schema": ${JSON.stringify(schemaPath(registry.root))},`];
  lines.push(
    '  // Which files are scanned. Default: every JS/TS file here; node_modules, build output and .gitignore\'d files are always skipped.',
    '  // "include": ["src/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}"],',
    '  // "exclude": ["**/generated/**"],',
  );
  lines.push(...tsconfigLines(registry.root));
  lines.push('  // Whole modules moved: every reference to "from" becomes a reference to "to", names unchanged.', '  "modules": [');
  for (const p of modules) {
    lines.push(`    // ${p.reason}.`);
    lines.push(`    ${p.active ? '' : '// '}{ "from": ${JSON.stringify(p.from)}, "to": ${JSON.stringify((p as ModuleProposal).to)} },`);
  }
  lines.push('  ],', '  // Canonical exports ("name" from "from") and their legacy homes (old name, old module).', '  "symbols": [');
  for (const group of symbols) {
    const active = group.legacy.filter((p) => p.active);
    const inactive = group.legacy.filter((p) => !p.active);
    if (active.length > 0) {
      lines.push(`    { "name": ${JSON.stringify(group.name)}, "from": ${JSON.stringify(group.from)}, "legacy": [`);
      for (const p of active) lines.push(`      // ${p.reason}.`, `      ${legacyEntry(p)},`);
      for (const p of inactive) lines.push(`      // ${p.reason}.`, `      // ${legacyEntry(p)},`);
      lines.push('    ] },');
    } else {
      for (const p of inactive) {
        lines.push(`    // ${p.reason}.`);
        lines.push(`    // { "name": ${JSON.stringify(group.name)}, "from": ${JSON.stringify(group.from)}, "legacy": [${legacyEntry(p)}] },`);
      }
    }
  }
  lines.push('  ],', '}', '');
  return lines.join('\n');
}

function legacyEntry(p: InitProposal): string {
  const s = p as SymbolProposal;
  return `{ "name": ${JSON.stringify(s.legacyName)}, "from": ${JSON.stringify(s.legacyFrom)} }`;
}

const INSTALLED_SCHEMA = './node_modules/ssot-codemods/schema/ssot.config.schema.json';

/**
 * The schema of the package installed for this folder (in its node_modules, or a parent's), relative to
 * the registry's folder, so editors find it offline; where it is not installed yet, where it will be.
 */
function schemaPath(root: string): string {
  let manifest: string;
  try {
    manifest = require.resolve('ssot-codemods/package.json', { paths: [root] });
  } catch {
    return INSTALLED_SCHEMA;
  }
  // Resolved from elsewhere (this very package, run from its own clone): not what the project installs.
  const relative = relativePosix(root, path.join(path.dirname(manifest), 'schema', 'ssot.config.schema.json'));
  if (!/^(\.\.\/)*node_modules\/ssot-codemods\/schema\/ssot\.config\.schema\.json$/.test(relative)) return INSTALLED_SCHEMA;
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The tsconfig beside the registry (or a jsconfig), named, with the aliases it brings. */
function tsconfigLines(root: string): string[] {
  const found = ['tsconfig.json', 'jsconfig.json'].find((name) => isFile(path.join(root, name)));
  if (!found) return ['  // "tsconfig": "tsconfig.json",  // none here: name one whose baseUrl and paths aliases apply'];
  let aliases: string[] = [];
  try {
    const paths = parseTsconfig(path.join(root, found)).compilerOptions?.paths ?? {};
    aliases = Object.entries(paths).map(([alias, targets]) => `${alias} → ${targets.join(', ')}`);
  } catch {
    // An unreadable tsconfig is the registry's to report, with its path, when it loads.
  }
  const shown = aliases.length === 0 ? 'it has no paths aliases' : `its paths aliases: ${aliases.slice(0, 5).join('; ')}${aliases.length > 5 ? `; and ${aliases.length - 5} more` : ''}`;
  return [`  // ${found}: its baseUrl and paths are honoured when imports are resolved and written (${shown}).`, `  "tsconfig": ${JSON.stringify(found)},`];
}
