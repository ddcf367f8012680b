/**
 * Module specifier resolution, both ways: specifier → module (TypeScript-like: extension probing, `.js`
 * written for `.ts`, directory indexes, tsconfig `paths`/`baseUrl`), and module → specifier written in the
 * style a file already uses.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPathsMatcher, parseTsconfig } from 'get-tsconfig';
import { moduleKey, type ModuleRef } from '../language';
import { isInside, realPathOr, relativePosix, toForwardSlashes, toPosix } from '../../shared/paths';
import { readJsonObject } from '../../shared/fs';

export { moduleKey, type ModuleRef };

export interface ResolverOptions {
  /** Absolute path of the registry's folder. */
  root: string;
  /** Absolute path of a tsconfig.json whose baseUrl/paths (and `extends`) apply. */
  tsconfigPath?: string;
}

/** Tried in this order after a specifier written without extension: TypeScript's sources first, then JavaScript. */
const PROBE_EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.mts', '.cts', '.d.mts', '.d.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** TypeScript sources import each other by the name of their compiled output: `./x.js` means `x.ts` if it exists. */
const SOURCES_OF_OUTPUT: Record<string, string[]> = {
  '.js': ['.ts', '.tsx', '.d.ts'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts', '.d.mts'],
  '.cjs': ['.cts', '.d.cts'],
};

const SOURCE_EXTENSION = /(\.d\.[mc]?ts|\.[mc]?[jt]s|\.[jt]sx)$/i;
const OUTPUT_EXTENSION = /\.([mc]?js|jsx)$/i;
const INDEX_SPECIFIER = /(^|\/)index(\.[mc]?[jt]sx?)?$/i;

/** Extensions that resolution finds again when a specifier omits them (`.mts`/`.mjs` need theirs written). */
const OMITTABLE_EXTENSIONS = new Set(['.ts', '.tsx', '.d.ts', '.js', '.jsx']);

function sourceExtensionOf(file: string): string {
  return SOURCE_EXTENSION.exec(file)?.[1].toLowerCase() ?? '';
}

/** What a compiled file is called: `.ts` → `.js`, `.mts` → `.mjs`, `.d.ts` → `.js`. */
function outputExtensionOf(sourceExtension: string): string {
  if (sourceExtension === '.jsx') return '.jsx';
  if (/m[jt]s$/.test(sourceExtension)) return '.mjs';
  if (/c[jt]s$/.test(sourceExtension)) return '.cjs';
  return '.js';
}

function isRelativeSpecifier(specifier: string): boolean {
  return specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');
}

/**
 * Resolution yields real paths, so templates are made real too; only their directory part exists on
 * disk (the rest is a file-name prefix, or the wildcard marker).
 */
function realPrefixOf(prefix: string): string {
  const dir = prefix.endsWith(path.sep) ? prefix.slice(0, -1) : path.dirname(prefix);
  // Kept as written when it is not real: the folder of `/` is '', which must not become the working folder.
  return realPathOr(dir, { fallback: (written) => written }) + prefix.slice(dir.length);
}

/** One `paths` entry of the tsconfig, its substitutions made absolute. */
interface PathPattern {
  key: string;
  /** Text before and after the `*` (the whole key when there is none). */
  prefix: string;
  suffix: string;
  wildcard: boolean;
  /** Absolute substitutions split around their `*`; `wildcard` false when the substitution has none. */
  substitutions: { prefix: string; suffix: string; wildcard: boolean }[];
}

/** The tsconfig's `baseUrl` and `paths`, as TypeScript applies them (after `extends`). */
class TsconfigPaths {
  readonly baseUrl?: string;
  readonly patterns: PathPattern[] = [];

  constructor(tsconfigPath: string) {
    const config = parseTsconfig(tsconfigPath);
    const options = config.compilerOptions ?? {};
    if (options.baseUrl) this.baseUrl = realPathOr(path.resolve(path.dirname(tsconfigPath), options.baseUrl));
    const matcher = createPathsMatcher({ path: tsconfigPath, config });
    if (!matcher || !options.paths) return;
    // get-tsconfig knows where each substitution is relative to (baseUrl, the config that declared it,
    // `${configDir}`); asking it to expand a marker recovers the absolute templates for writing specifiers.
    const marker = '\u0000ssot-wildcard\u0000';
    for (const key of Object.keys(options.paths)) {
      const star = key.indexOf('*');
      const wildcard = star !== -1;
      const prefix = wildcard ? key.slice(0, star) : key;
      const suffix = wildcard ? key.slice(star + 1) : '';
      const expanded = matcher(wildcard ? prefix + marker + suffix : key);
      const substitutions = expanded.map((candidate) => {
        const absolute = path.resolve(candidate);
        const at = absolute.indexOf(marker);
        return at === -1
          ? { prefix: realPrefixOf(absolute), suffix: '', wildcard: false }
          : { prefix: realPrefixOf(absolute.slice(0, at)), suffix: absolute.slice(at + marker.length), wildcard: true };
      });
      this.patterns.push({ key, prefix, suffix, wildcard, substitutions });
    }
  }

  /** TypeScript's rule: an exact key wins, else the wildcard key with the longest prefix. */
  patternFor(specifier: string): PathPattern | undefined {
    let best: PathPattern | undefined;
    for (const pattern of this.patterns) {
      if (!pattern.wildcard) {
        if (pattern.key === specifier) return pattern;
        continue;
      }
      const fits =
        specifier.length >= pattern.prefix.length + pattern.suffix.length &&
        specifier.startsWith(pattern.prefix) &&
        specifier.endsWith(pattern.suffix);
      if (fits && (!best || pattern.prefix.length > best.prefix.length)) best = pattern;
    }
    return best;
  }

  candidatesFor(pattern: PathPattern, specifier: string): string[] {
    const captured = specifier.slice(pattern.prefix.length, specifier.length - pattern.suffix.length);
    return pattern.substitutions.map((s) => (s.wildcard ? s.prefix + captured + s.suffix : s.prefix));
  }
}

type ResolvedVia = 'relative' | 'paths' | 'baseUrl' | 'package';

interface Resolution {
  ref: ModuleRef | null;
  via: ResolvedVia;
  /** The `paths` entry the specifier matched, whether or not a file was found through it. */
  pattern?: PathPattern;
}

/** How a file writes its specifiers, read off one of them. */
interface SpecifierStyle {
  kind: 'relative' | 'alias' | 'baseUrl';
  pattern?: PathPattern;
  /** none: `./x`; output: `./x.js` (compiled name); source: `./x.ts` (allowImportingTsExtensions). */
  extension: 'none' | 'output' | 'source';
  /** The file writes `…/index` itself rather than the directory. */
  keepsIndex: boolean;
}

type EntryKind = 'file' | 'dir' | null;

export class ModuleResolver {
  private readonly tsconfig?: TsconfigPaths;
  private readonly kinds = new Map<string, EntryKind>();
  private readonly realPaths = new Map<string, string>();
  private readonly probed = new Map<string, string | null>();
  private readonly resolutions = new Map<string, Resolution>();
  /** Folder, target and style ➔ the specifier written: files of one folder import the same modules alike. */
  private readonly specifiers = new Map<string, string>();
  /** The folder of the file asked about last: a file's specifiers are resolved one after another. */
  private lastFrom = { file: '', dir: '' };

  /** Throws if the tsconfig cannot be read or its `paths` are malformed. */
  constructor(readonly options: ResolverOptions) {
    if (options.tsconfigPath) this.tsconfig = new TsconfigPaths(options.tsconfigPath);
  }

  /** The module that `specifier`, written in `fromFile`, refers to; null if it leads to no module we can name. */
  resolve(specifier: string, fromFile: string): ModuleRef | null {
    return this.resolveFrom(specifier, this.directoryOf(fromFile)).ref;
  }

  /** The real folder of a file, its specifiers are relative to. */
  private directoryOf(fromFile: string): string {
    if (this.lastFrom.file !== fromFile) this.lastFrom = { file: fromFile, dir: this.realDirectory(path.dirname(path.resolve(fromFile))) };
    return this.lastFrom.dir;
  }

  /** A registry module name: a path without extension relative to root, or a bare package specifier. */
  resolveRegistryName(name: string): ModuleRef | null {
    const written = toForwardSlashes(name);
    const root = path.resolve(this.options.root);
    if (this.isRegistryPath(written)) {
      const absolute = path.resolve(root, written);
      // Only the lexical path is checked: a link inside the folder may lead to a monorepo sibling.
      if (!isInside(root, absolute)) return null;
      const file = this.probe(absolute, written.endsWith('/'));
      return file ? this.fileRef(file) : null;
    }
    return this.resolveFrom(written, this.realDirectory(root)).ref;
  }

  /** A specifier for `target` written in `fromFile`, in the style of `styleOf` (a specifier that file already uses). */
  specifierFor(target: ModuleRef, fromFile: string, styleOf?: string): string {
    if (target.kind === 'package') return target.name;
    const fromDir = this.directoryOf(fromFile);
    const style = this.styleOf(styleOf, fromDir);
    // (by the style, not the specifier it was read from: that is a slice of its file's text, which a key would keep alive)
    const key = `${fromDir}\0${target.path}\0${style.kind}\0${style.pattern?.key ?? ''}\0${style.extension}\0${style.keepsIndex}`;
    let specifier = this.specifiers.get(key);
    if (specifier === undefined) this.specifiers.set(key, (specifier = this.writeSpecifier(target.path, fromDir, style)));
    return specifier;
  }

  private writeSpecifier(target: string, fromDir: string, style: SpecifierStyle): string {
    const kinds = style.kind === 'relative' ? [style.kind] : [style.kind, 'relative' as const];
    const forms = this.writtenForms(target, style);
    for (const kind of kinds) {
      for (const written of forms) {
        for (const specifier of this.specifiersOfKind(kind, written, target, fromDir, style)) {
          if (this.resolvesTo(specifier, fromDir, target)) return specifier;
        }
      }
    }
    // Nothing shorter leads back to the file (shadowed by a sibling, say): name it in full.
    return this.relativeSpecifier(fromDir, target);
  }

  /** The module of a file the engine is processing, with the identity resolve() gives it. */
  moduleOfFile(filePath: string): ModuleRef {
    return this.fileRef(path.resolve(filePath));
  }

  /**
   * What a specifier through a tsconfig `paths` alias may contain instead of the module's file name: a key
   * without a wildcard (`@engine`), or the prefix of one whose substitution adds text after its `*`
   * (`@legacy/*` ➔ `src/*_consolidated`).
   */
  aliasesHidingFileNames(): string[] {
    // `src/*_consolidated` adds text after the name, `src/legacy_*` before it: the name is not written either way.
    const hides = (s: PathPattern['substitutions'][number]): boolean => s.suffix !== '' || (s.wildcard && !s.prefix.endsWith(path.sep));
    return (this.tsconfig?.patterns ?? [])
      .filter((p) => !p.wildcard || p.substitutions.some(hides))
      .map((p) => (p.wildcard ? p.prefix : p.key));
  }

  /**
   * What may stand right before and after a file or folder name inside a specifier besides `/`, quotes and
   * `.`: the last character of a `paths` alias's prefix and the first of its suffix (`~*` ➔ `~error`), and
   * whether a specifier may start with the name itself (`baseUrl`, or a `*` alias); without either, a
   * specifier that does not start with `.` or `/` names a package.
   */
  bareSpecifierEdges(): { bare: boolean; before: string; after: string } {
    const wildcards = (this.tsconfig?.patterns ?? []).filter((p) => p.wildcard);
    return {
      bare: !!this.tsconfig?.baseUrl || wildcards.some((p) => p.prefix === ''),
      before: [...new Set(wildcards.map((p) => p.prefix.slice(-1)))].join(''),
      after: [...new Set(wildcards.map((p) => p.suffix.slice(0, 1)))].join(''),
    };
  }

  /**
   * What a specifier may contain instead of the file or folder names of modules in `folders` (each a
   * folder that a module is reached through, as its index or its package.json's entry): the prefix of a
   * `paths` alias whose substitution leads inside one (`@lr/*` ➔ `src/legacy/*`: `@lr/index`), and
   * `index` when `baseUrl` lies inside one (a bare `index` reaches it).
   */
  aliasesInto(folders: readonly string[]): string[] {
    const inside = (target: string): boolean => folders.some((folder) => isInside(folder, target));
    const found = this.wildcardsLeadingInto(inside).map((prefix) => prefix || 'index');
    if (this.tsconfig?.baseUrl && inside(this.tsconfig.baseUrl)) found.push('index');
    return found;
  }

  /**
   * The prefixes of the `paths` aliases whose substitution leads inside `folder` (`@m/*` ➔ `src/managers/*`:
   * `@m/`), which a specifier may write instead of the folder's name; `*` alone is the empty prefix.
   */
  aliasesLeadingInto(folder: string): string[] {
    return this.wildcardsLeadingInto((target) => isInside(folder, target));
  }

  private wildcardsLeadingInto(inside: (target: string) => boolean): string[] {
    return (this.tsconfig?.patterns ?? [])
      .filter((p) => p.wildcard && p.substitutions.some((s) => s.wildcard && inside(s.prefix)))
      .map((p) => p.prefix);
  }

  /** The real file a folder stands for as a module (its package.json's entry, or its index); null if none. */
  directoryModule(dir: string): string | null {
    const file = this.probe(path.resolve(dir), true);
    return file ? this.realPath(file) : null;
  }

  /**
   * The real file that a path designates the way a specifier does (`x` → `x.ts`, `x.js` → `x.ts`,
   * `dir` → `dir/index.ts`); null if none exists.
   */
  probeFile(absolutePath: string): string | null {
    const file = this.probe(path.resolve(absolutePath), false);
    return file ? this.realPath(file) : null;
  }

  private resolveFrom(specifier: string, fromDir: string): Resolution {
    // Only path-like specifiers depend on where they are written; aliases and packages are shared.
    const isPath = isRelativeSpecifier(specifier) || path.isAbsolute(specifier);
    const cacheKey = isPath ? `${fromDir}\u0000${specifier}` : specifier;
    let resolution = this.resolutions.get(cacheKey);
    if (!resolution) {
      resolution = this.computeResolution(specifier, fromDir);
      this.resolutions.set(cacheKey, resolution);
    }
    return resolution;
  }

  private computeResolution(specifier: string, fromDir: string): Resolution {
    if (isRelativeSpecifier(specifier) || path.isAbsolute(specifier)) {
      const file = this.probe(path.resolve(fromDir, specifier), specifier.endsWith('/'));
      return { ref: file ? this.fileRef(file) : null, via: 'relative' };
    }
    const pattern = this.tsconfig?.patternFor(specifier);
    if (pattern) {
      for (const candidate of this.tsconfig!.candidatesFor(pattern, specifier)) {
        const file = this.probe(candidate, false);
        if (file) return { ref: this.fileRef(file), via: 'paths', pattern };
      }
    }
    // As in TypeScript, baseUrl still applies when a `paths` entry matched but led nowhere.
    if (this.tsconfig?.baseUrl) {
      const file = this.probe(path.resolve(this.tsconfig.baseUrl, specifier), specifier.endsWith('/'));
      if (file) return { ref: this.fileRef(file), via: 'baseUrl', pattern };
    }
    return { ref: { kind: 'package', name: specifier }, via: 'package', pattern };
  }

  private isRegistryPath(name: string): boolean {
    if (isRelativeSpecifier(name) || name.startsWith('/') || path.isAbsolute(name)) return true;
    const root = path.resolve(this.options.root);
    const firstSegment = name.split('/')[0];
    if (firstSegment && this.kindOf(path.join(root, firstSegment))) return true;
    // A single-segment name such as `config` may still name root/config.ts.
    return this.probe(path.resolve(root, name), false) !== null;
  }

  private styleOf(styleOf: string | undefined, fromDir: string): SpecifierStyle {
    if (!styleOf) return { kind: 'relative', extension: 'none', keepsIndex: false };
    const extension = sourceExtensionOf(styleOf);
    const style: SpecifierStyle = {
      kind: 'relative',
      extension: !extension ? 'none' : OUTPUT_EXTENSION.test(extension) ? 'output' : 'source',
      keepsIndex: INDEX_SPECIFIER.test(styleOf),
    };
    if (isRelativeSpecifier(styleOf) || path.isAbsolute(styleOf)) return style;
    const resolution = this.resolveFrom(styleOf, fromDir);
    if (resolution.via === 'paths') return { ...style, kind: 'alias', pattern: resolution.pattern };
    if (resolution.via === 'baseUrl') return { ...style, kind: 'baseUrl' };
    // A legacy specifier that no longer resolves still shows the file writes aliases.
    if (resolution.pattern && resolution.pattern.prefix + resolution.pattern.suffix !== '') {
      return { ...style, kind: 'alias', pattern: resolution.pattern };
    }
    return style;
  }

  /**
   * The absolute paths a specifier for `file` may spell, preferred first: the styled form, then ever
   * more explicit fallbacks. Each is checked by resolving it back.
   */
  private writtenForms(file: string, style: SpecifierStyle): string[] {
    const extension = sourceExtensionOf(file);
    if (!extension) return [file]; // `.json`, `.css`…: only the full name reaches them
    const stem = file.slice(0, -extension.length);
    const output = stem + outputExtensionOf(extension);
    const isIndex = path.basename(stem).toLowerCase() === 'index';
    const forms: string[] = [];
    if (style.extension === 'none') {
      // ESM with explicit extensions (`.js` style) does not resolve directories, so only extensionless
      // files get the directory form.
      if (isIndex && !style.keepsIndex) forms.push(path.dirname(stem));
      if (OMITTABLE_EXTENSIONS.has(extension)) forms.push(stem);
    }
    if (style.extension === 'source' && !extension.startsWith('.d.')) forms.push(file);
    forms.push(output, file);
    return [...new Set(forms)];
  }

  private specifiersOfKind(
    kind: SpecifierStyle['kind'],
    written: string,
    target: string,
    fromDir: string,
    style: SpecifierStyle,
  ): string[] {
    if (kind === 'relative') return [this.relativeSpecifier(fromDir, written)];
    if (kind === 'baseUrl') {
      const baseUrl = this.tsconfig?.baseUrl;
      if (!baseUrl || !isInside(baseUrl, written) || written === baseUrl) return [];
      return [relativePosix(baseUrl, written)];
    }
    return this.aliasSpecifiers(written, target, style.pattern);
  }

  /** Alias spellings of a path: the pattern the file used first, then the shortest. */
  private aliasSpecifiers(written: string, target: string, preferred?: PathPattern): string[] {
    const found: { specifier: string; preferred: boolean; order: number }[] = [];
    this.tsconfig?.patterns.forEach((pattern, order) => {
      for (const substitution of pattern.substitutions) {
        let specifier: string | undefined;
        if (!pattern.wildcard) {
          if (this.probeFile(substitution.prefix) === target) specifier = pattern.key;
        } else if (substitution.wildcard) {
          const fits =
            written.length > substitution.prefix.length + substitution.suffix.length &&
            written.startsWith(substitution.prefix) &&
            written.endsWith(substitution.suffix);
          if (fits) {
            const captured = written.slice(substitution.prefix.length, written.length - substitution.suffix.length);
            specifier = pattern.prefix + toPosix(captured) + pattern.suffix;
          }
        }
        if (specifier) found.push({ specifier, preferred: pattern === preferred, order });
      }
    });
    found.sort(
      (a, b) =>
        Number(b.preferred) - Number(a.preferred) || a.specifier.length - b.specifier.length || a.order - b.order,
    );
    return found.map((f) => f.specifier);
  }

  private relativeSpecifier(fromDir: string, written: string): string {
    const relative = relativePosix(fromDir, written);
    if (relative === '') return '.';
    if (relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return relative;
    return `./${relative}`;
  }

  private resolvesTo(specifier: string, fromDir: string, target: string): boolean {
    const ref = this.resolveFrom(specifier, fromDir).ref;
    return ref?.kind === 'file' && ref.path === target;
  }

  /** The file a path designates as a module (see probeFile), not yet made real. */
  private probe(target: string, directoryOnly: boolean): string | null {
    const cacheKey = directoryOnly ? `${target}${path.sep}` : target;
    let found = this.probed.get(cacheKey);
    if (found === undefined) {
      found = (directoryOnly ? null : this.fileAt(target)) ?? this.directoryEntry(target);
      this.probed.set(cacheKey, found);
    }
    return found;
  }

  private fileAt(target: string): string | null {
    const written = path.extname(target).toLowerCase();
    const sources = SOURCES_OF_OUTPUT[written];
    if (sources) {
      const stem = target.slice(0, -written.length);
      for (const extension of sources) if (this.isFile(stem + extension)) return stem + extension;
    }
    if (sourceExtensionOf(target) && this.isFile(target)) return target;
    for (const extension of PROBE_EXTENSIONS) if (this.isFile(target + extension)) return target + extension;
    return this.isFile(target) ? target : null;
  }

  private directoryEntry(dir: string): string | null {
    if (this.kindOf(dir) !== 'dir') return null;
    const manifest = path.join(dir, 'package.json');
    if (this.isFile(manifest)) {
      const entry = readManifestEntry(manifest);
      if (entry) {
        const absolute = path.resolve(dir, entry);
        const file = this.fileAt(absolute) ?? (absolute !== dir ? this.indexOf(absolute) : null);
        if (file) return file;
      }
    }
    return this.indexOf(dir);
  }

  private indexOf(dir: string): string | null {
    if (this.kindOf(dir) !== 'dir') return null;
    for (const extension of PROBE_EXTENSIONS) {
      const index = path.join(dir, `index${extension}`);
      if (this.isFile(index)) return index;
    }
    return null;
  }

  private fileRef(file: string): ModuleRef {
    return { kind: 'file', path: this.realPath(file) };
  }

  /** Links are followed, as Node and TypeScript do, so that one file has one identity. */
  private realPath(file: string): string {
    let real = this.realPaths.get(file);
    if (real === undefined) {
      real = realPathOr(file);
      this.realPaths.set(file, real);
    }
    return real;
  }

  private realDirectory(dir: string): string {
    return this.kindOf(dir) === 'dir' ? this.realPath(dir) : path.resolve(dir);
  }

  private isFile(p: string): boolean {
    return this.kindOf(p) === 'file';
  }

  private kindOf(p: string): EntryKind {
    let kind = this.kinds.get(p);
    if (kind === undefined) {
      // A specifier may hold a NUL (`'./a\0'` is a valid string): such a path names no file, and fs throws on it.
      // A path through a file (`./a.ts/b`) is ENOTDIR, which throwIfNoEntry does not cover: it names nothing either.
      let stat: fs.Stats | undefined;
      try {
        stat = p.includes('\0') ? undefined : fs.statSync(p, { throwIfNoEntry: false });
      } catch {
        stat = undefined;
      }
      kind = stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : null;
      this.kinds.set(p, kind);
    }
    return kind;
  }
}

/** `types`, `typings` or `main` of a package.json, as TypeScript reads a directory import. */
function readManifestEntry(manifest: string): string | undefined {
  // An unreadable package.json leaves the directory to its index file.
  const json = readJsonObject(manifest) ?? {};
  for (const field of ['types', 'typings', 'main']) {
    if (typeof json[field] === 'string' && json[field]) return json[field] as string;
  }
  return undefined;
}
