/**
 * apply's pre-filter tells a legacy module from a canonical one of the same file name by its folder
 * (`core/managers/factory` beside `supervisor/factory`) only where discovery met no link: a link can give
 * the folder, or the file, another name. Each tree below is one a review of that rule found it missed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { mayNeedRewrite } from '../../src/registry/prefilter';
import { discoverFiles } from '../../src/runner/discover';
import { planApply, scopeOf, type ApplyOptions } from '../../src/cli/apply/plan';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const CANONICAL = 'src/agents/supervisor/factory';
const registryJson = (legacy: string): string =>
  JSON.stringify({ symbols: [{ name: 'Factory', from: CANONICAL, legacy: [{ name: 'Factory', from: legacy }] }] });
const CANONICAL_FILE = { [`${CANONICAL}.ts`]: 'export class Factory {}\n' };
const REEXPORT = "export { Factory } from '../../agents/supervisor/factory';\n";
const importOf = (specifier: string): string => `import { Factory } from '${specifier}';\nexport const f = new Factory();\n`;

interface LinkedTree {
  /** The registry's folder as the run is given it. */
  root: string;
  /** The file that reaches the legacy module, relative to `root`. */
  user: string;
}

/** A tree, and the links made in it (each `[link, target]`, relative to the tree; the target as the link holds it). */
function treeWith(files: Record<string, string>, links: [string, string][]): string {
  const root = makeTempDir('ssot-links-');
  writeFiles(root, files);
  for (const [link, target] of links) {
    fs.mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    fs.symlinkSync(target, path.join(root, link));
  }
  return root;
}

/** A tree with the registry's legacy module at src/core/managers/factory, `files` and `links`, and src/user.ts importing `specifier`. */
const fromSrc = (files: Record<string, string>, specifier: string, links: [string, string][]) => (): LinkedTree => ({
  root: treeWith({ ...CANONICAL_FILE, 'ssot.config.json': registryJson('src/core/managers/factory'), ...files, 'src/user.ts': importOf(specifier) }, links),
  user: 'src/user.ts',
});

const CASES: Record<string, () => LinkedTree> = {
  'the registry names the legacy module through a linked folder':
    fromSrc({ 'src/real_managers/factory.ts': REEXPORT }, './core/managers/factory', [['src/core/managers', '../real_managers']]),
  'the legacy module is a link to a file of the same name elsewhere':
    fromSrc({ 'src/impl/factory.ts': REEXPORT }, './core/managers/factory', [['src/core/managers/factory.ts', '../../impl/factory.ts']]),
  'a linked folder leads into the legacy module\'s folder':
    fromSrc({ 'src/core/managers/factory.ts': REEXPORT }, './lnk/factory', [['src/lnk', 'core/managers']]),
  'a link of the same name in another folder leads to the legacy module':
    fromSrc({ 'src/core/managers/factory.ts': REEXPORT }, './other/factory', [['src/other/factory.ts', '../core/managers/factory.ts']]),
  'the registry\'s folder is reached through a link, and a file names the legacy module by that path': () => {
    const real = treeWith({ ...CANONICAL_FILE, 'ssot.config.json': registryJson('factory'),
      'factory.ts': "export { Factory } from './src/agents/supervisor/factory';\n" }, []);
    const root = `${real}-link`;
    fs.symlinkSync(real, root);
    fs.writeFileSync(path.join(real, 'user.ts'), importOf(`${root}/factory`));
    return { root, user: 'user.ts' };
  },
};

const options = (root: string): ApplyOptions => ({ cwd: root, dryRun: true, batchBy: 'files', batchSize: 100, commit: false, workers: 0 });

describe('a legacy module told apart by its folder, and links', () => {
  it.each(Object.keys(CASES))('rewrites the file that reaches it when %s', async (name) => {
    const { root, user } = CASES[name]();
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    expect(discoverFiles(registry).linkFree).toBe(false);
    const plan = await planApply(registry, options(root), scopeOf(options(root)));
    expect(plan.changes.map((c) => c.relative)).toContain(user);
  });

  it('skips a file that names only the canonical module where discovery met no link, and not where it did', () => {
    const files = { ...CANONICAL_FILE, 'ssot.config.json': registryJson('src/core/managers/factory'), 'src/core/managers/factory.ts': REEXPORT };
    const plain = treeWith(files, []);
    const registry = loadRegistry({ configPath: path.join(plain, 'ssot.config.json') });
    expect(discoverFiles(registry).linkFree).toBe(true);
    const user = path.join(plain, 'src/user.ts');
    const canonicalOnly = importOf('./agents/supervisor/factory');
    expect([mayNeedRewrite(registry, canonicalOnly, user, true), mayNeedRewrite(registry, canonicalOnly, user, false)]).toEqual([false, true]);
    // A broken link is a link too.
    const broken = treeWith(files, [['src/gone.ts', 'nowhere.ts']]);
    expect(discoverFiles(loadRegistry({ configPath: path.join(broken, 'ssot.config.json') })).linkFree).toBe(false);
  });

  it('finds the folder in any letter case (a disk that ignores case resolves it), and never tells apart a folder a string would escape', () => {
    const plain = treeWith({ ...CANONICAL_FILE, 'ssot.config.json': registryJson('src/core/managers/factory'), 'src/core/managers/factory.ts': REEXPORT }, []);
    const registry = loadRegistry({ configPath: path.join(plain, 'ssot.config.json') });
    expect(mayNeedRewrite(registry, importOf('./core/Managers/factory'), path.join(plain, 'src/user.ts'), true)).toBe(true);
    const quoted = treeWith({ ...CANONICAL_FILE, 'ssot.config.json': registryJson("src/core/o'brien/factory"), "src/core/o'brien/factory.ts": REEXPORT }, []);
    const quotedRegistry = loadRegistry({ configPath: path.join(quoted, 'ssot.config.json') });
    expect(mayNeedRewrite(quotedRegistry, importOf("./core/o\\'brien/factory"), path.join(quoted, 'src/user.ts'), true)).toBe(true);
  });
});
