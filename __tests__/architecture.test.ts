/**
 * The layout is a promise to a newcomer: each folder of src/ is one concern, and may lean only on the
 * concerns below it. Read from the sources' import lines, so a change that breaks a rule fails here:
 * no import cycle; each folder imports only the folders its rule allows; only src/languages/javascript
 * knows Babel (and only the list of languages names it); library code never prints or exits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

/** What each folder may import, besides itself. The order is the layering, lowest first. */
const MAY_IMPORT: Record<string, string[]> = {
  shared: [],
  languages: ['shared'],
  registry: ['languages', 'shared'],
  engine: ['registry', 'languages', 'shared'],
  transforms: ['engine', 'registry', 'languages', 'shared'],
  runner: ['transforms', 'engine', 'registry', 'languages', 'shared', 'vcs'],
  batches: ['shared'],
  vcs: ['batches', 'shared'],
  report: ['runner', 'transforms', 'engine', 'registry', 'languages', 'shared'],
  cli: ['report', 'batches', 'vcs', 'runner', 'transforms', 'engine', 'registry', 'languages', 'shared'],
};

interface Source {
  file: string;
  text: string;
  /** The files of src/ it imports, resolved. */
  imports: string[];
}

function sources(): Source[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push(full);
    }
  };
  walk(SRC);
  return files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s+'(\.[^']*)'/g)].flatMap(([, specifier]) => {
      const target = path.resolve(path.dirname(file), specifier);
      return [`${target}.ts`, path.join(target, 'index.ts'), target].filter((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile()).slice(0, 1);
    });
    return { file, text, imports };
  });
}

const concern = (file: string): string => path.relative(SRC, file).split(path.sep)[0].replace(/\.ts$/, '');
const shown = (file: string): string => path.relative(SRC, file);

describe('the architecture', () => {
  const all = sources();

  it('reads every file of src/', () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.some((s) => s.imports.length > 0)).toBe(true);
  });

  it('has no import cycle', () => {
    const graph = new Map(all.map((s) => [s.file, s.imports]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].map(shown).join(' ➔ '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('lets each folder import only the folders below it', () => {
    const broken: string[] = [];
    for (const source of all) {
      const from = concern(source.file);
      if (!(from in MAY_IMPORT)) continue; // src/index.ts, the public API, may name anything
      for (const target of source.imports) {
        const to = concern(target);
        if (to !== from && !MAY_IMPORT[from].includes(to)) broken.push(`${shown(source.file)} ➔ ${shown(target)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('keeps every syntax behind the language seam', () => {
    const javascript = path.join(SRC, 'languages', 'javascript') + path.sep;
    const leaks = all.filter((s) => !s.file.startsWith(javascript)).flatMap((s) => {
      const found: string[] = [];
      if (/from '@babel\//.test(s.text)) found.push(`${shown(s.file)} imports Babel`);
      const named = s.imports.filter((target) => target.startsWith(javascript));
      if (named.length > 0 && s.file !== path.join(SRC, 'languages', 'index.ts')) found.push(`${shown(s.file)} imports ${named.map(shown).join(', ')}`);
      return found;
    });
    expect(leaks).toEqual([]);
  });

  it('keeps Python\'s parser behind its own folder, named only by the list of languages', () => {
    const python = path.join(SRC, 'languages', 'python') + path.sep;
    const leaks = all.filter((s) => !s.file.startsWith(python)).flatMap((s) => {
      const found: string[] = [];
      if (/from '(@zzzen\/pyright-internal|smol-toml)/.test(s.text)) found.push(`${shown(s.file)} imports pyright or smol-toml`);
      const named = s.imports.filter((target) => target.startsWith(python));
      if (named.length > 0 && s.file !== path.join(SRC, 'languages', 'index.ts')) found.push(`${shown(s.file)} imports ${named.map(shown).join(', ')}`);
      return found;
    });
    expect(leaks).toEqual([]);
    expect(all.some((s) => s.file.startsWith(python) && /from '@zzzen\/pyright-internal/.test(s.text))).toBe(true);
  });

  it('never prints or exits from library code: the bin decides', () => {
    const offenders = all.filter((s) => /process\.exit|console\.|process\.(stdout|stderr)\.write/.test(s.text)).map((s) => shown(s.file));
    expect(offenders).toEqual([]);
  });
});
