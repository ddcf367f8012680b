/**
 * Who uses a module's name by that name, outside the module: a Python module-level name is importable, so
 * renaming or removing one (an alias given back its canonical name, an import left unused) breaks every
 * `from mod import Name`, `mod.Name`, `from mod import *` and `patch('pkg.mod.Name')` elsewhere, and
 * every `__all__` that lists it. Files are found by a cheap text test first (the name and the module's
 * last part), then read precisely.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceParseError, type ModuleRef, type NameUse } from '../language';
import { positionAt } from '../../shared/text-position';
import { parsePython, type PythonVersion } from './parse';
import { PythonFile } from './source-file';
import type { ModuleNames } from './module-exports';

export interface ImporterSearch {
  root: string;
  version: PythonVersion;
  resolve(specifier: string, fromFile: string): ModuleRef | null;
  dottedName(file: string): string | null;
  moduleNames(file: string): ModuleNames;
}

/** Folders that never hold the project's own modules. */
const SKIPPED = new Set(['node_modules', '__pycache__', 'site-packages']);

export class Importers {
  private files: string[] | undefined;
  /** For each name asked about: the project's files whose text holds it, with their text (read once). */
  private readonly holding = new Map<string, { file: string; text: string }[]>();

  constructor(private readonly search: ImporterSearch) {}

  /** Every Python file of the project, once. */
  private projectFiles(): string[] {
    if (this.files) return this.files;
    const files: string[] = [];
    const walk = (dir: string): void => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED.has(entry.name)) walk(path.join(dir, entry.name));
        } else if (entry.isFile() && /\.pyi?$/.test(entry.name)) {
          files.push(path.join(dir, entry.name));
        }
      }
    };
    walk(this.search.root);
    return (this.files = files.sort());
  }

  firstUse(module: ModuleRef, name: string, exceptFile: string): NameUse | null {
    if (module.kind !== 'file') return null;
    const own = this.publishedBy(module.path, name);
    if (own) return own;
    const dotted = this.search.dottedName(module.path);
    const last = path.basename(module.path).replace(/\.pyi?$/, '').replace(/^__init__$/, path.basename(path.dirname(module.path)));
    const except = path.resolve(exceptFile);
    for (const { file, text } of this.filesHolding(name)) {
      if (file === except || file === module.path || !text.includes(last)) continue;
      const use = this.useIn(file, text, name, dotted);
      if (use) return use;
    }
    return null;
  }

  /** The project's files that mention `name` at all: the whole project is read once per distinct name. */
  private filesHolding(name: string): { file: string; text: string }[] {
    let found = this.holding.get(name);
    if (!found) {
      found = [];
      for (const file of this.projectFiles()) {
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          continue;
        }
        if (text.includes(name)) found.push({ file, text });
      }
      this.holding.set(name, found);
    }
    return found;
  }

  /** The module's own `__all__` lists the name: `from mod import *` hands it out. */
  private publishedBy(file: string, name: string): NameUse | null {
    let names: ModuleNames;
    try {
      names = this.search.moduleNames(file);
    } catch {
      return null;
    }
    if (!names.all?.includes(name)) return null;
    const text = fs.readFileSync(file, 'utf8');
    const at = text.search(/^__all__\b/m);
    return { file, line: at < 0 ? 1 : positionAt(text, at).line };
  }

  /** The absolute dotted name a specifier written in `file` spells (`..x.y` from `a/b/c/m.py` ➔ `a.b.x.y`). */
  private absolute(specifier: string, file: string): string | null {
    const dots = /^\.*/.exec(specifier)![0].length;
    if (dots === 0) return specifier;
    const packageName = this.search.dottedName(path.dirname(file));
    if (packageName === null) return null;
    const parts = packageName.split('.');
    if (dots - 1 > parts.length) return null;
    const base = parts.slice(0, parts.length - (dots - 1));
    const rest = specifier.slice(dots);
    return [...base, ...(rest ? rest.split('.') : [])].join('.');
  }

  private useIn(file: string, text: string, name: string, dotted: string | null): NameUse | null {
    let source: PythonFile;
    try {
      source = new PythonFile(file, text, parsePython(file, text, this.search.version));
    } catch (error) {
      // A file that does not parse may still import the name: say so rather than rename under it.
      if (error instanceof SourceParseError) return { file, line: error.line };
      throw error;
    }
    // Specifiers are compared by the absolute names they spell: the module need not be on disk yet.
    const same = (specifier: string) => dotted !== null && this.absolute(specifier, file) === dotted;
    const line = (offset: number) => positionAt(text, offset).line;
    for (const decl of source.readImports()) {
      if (decl.form === 'from') {
        // from mod import Name
        const spec = same(decl.specifierText) ? decl.specs.find((s) => s.imported === name) : undefined;
        if (spec) return { file, line: line(spec.span.start) };
        // from pkg import mod ... mod.Name
        const submodule = decl.specs.find((s) => same(`${decl.specifierText}${decl.specifierText.endsWith('.') ? '' : '.'}${s.imported}`));
        if (submodule && text.includes(`.${name}`)) return { file, line: line(submodule.span.start) };
      } else if (same(decl.specifierText) && text.includes(`.${name}`)) {
        // import pkg.mod as m ... m.Name
        return { file, line: line(decl.span.start) };
      }
    }
    for (const string of source.moduleStrings) {
      if (string.form === 'star-import') {
        // from mod import *: a public name may be used through it.
        if (!name.startsWith('_') && same(string.value)) return { file, line: line(string.literal.start) };
      } else if (dotted && (string.value === `${dotted}.${name}` || string.value.startsWith(`${dotted}.${name}.`))) {
        // patch('pkg.mod.Name')
        return { file, line: line(string.literal.start) };
      }
    }
    return null;
  }
}
