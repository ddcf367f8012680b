/**
 * `ssot-codemod init` through the built CLI: a starter registry for a codebase that has none, proposals
 * read from the code (each with its reason), a registry that loads as written, and never a file written
 * over another.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { cli, exampleRepo, treeState } from '../helpers/cli';
import { git, makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

/** The example without its registry, committed: what a user runs init in. */
function withoutRegistry(): string {
  const root = exampleRepo();
  fs.rmSync(path.join(root, 'ssot.config.json'));
  git(root, 'commit', '--quiet', '-am', 'no registry yet');
  return root;
}

describe('ssot-codemod init', () => {
  it('is what a command run where there is no registry points to', () => {
    const root = withoutRegistry();
    const run = cli(root, 'check');
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(`ssot-codemod: ${path.join(root, 'ssot.config.json')}: $: no ssot.config.json here or in any parent folder (run ssot-codemod init to write a starter one, or pass --config FILE)`);
  });

  it('writes a starter registry that loads, with $schema, the tsconfig and its aliases, and proposals that say why', () => {
    const root = withoutRegistry();
    const run = cli(root, 'init');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^wrote .*ssot\.config\.json: 2 proposal\(s\) in effect, \d+ commented out for you to complete/m);
    const text = fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8');
    const config = parseJsonc(text);
    expect(config.$schema).toBe('./node_modules/ssot-codemods/schema/ssot.config.schema.json');
    expect(config.tsconfig).toBe('tsconfig.json');
    expect(text).toContain('(its paths aliases: @app/* → src/*)');
    // A module that only re-exports another, moved as a whole; a name handed on under another, a symbol.
    expect(config.modules).toEqual([{ from: 'src/agents/execution_engine_unified_factory', to: 'src/agents/supervisor/execution_engine_factory' }]);
    expect(text).toMatch(/\/\/ src\/agents\/execution_engine_unified_factory\.ts only re-exports "src\/agents\/supervisor\/execution_engine_factory" \(export \* from\): a redirect stub\.\n/);
    expect(config.symbols).toEqual([{ name: 'UserExecutionEngine', from: 'src/agents/supervisor/user_execution_engine', legacy: [{ name: 'ExecutionEngine', from: 'src/agents/execution_engine' }] }]);
    // What needs a human is there, commented out: a deprecated module with its own note.
    expect(text).toMatch(/\/\/ src\/core\/managers\/execution_engine_factory\.ts is marked @deprecated \("Core compatibility factory\..*"\): name the module that replaces it, then uncomment\.\n\s+\/\/ \{ "from": "src\/core\/managers\/execution_engine_factory", "to": "TODO: the module that replaces it" \},/);
    // Barrels that gather several modules (src/core, src/legacy) are public entry points: nothing proposed.
    expect(text).not.toMatch(/"src\/(core|legacy)"/);

    // It loads as written, and check measures with it.
    const check = cli(root, 'check', '--format', 'json');
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout).violations['legacy-path']).toBeGreaterThan(0);
  });

  it('refuses, until a proposal is in effect, a registry that names nothing: check and apply exit 2 with one line, and write nothing', () => {
    const root = withoutRegistry();
    // Every proposal commented out, as a user who ran init and went straight on would have it.
    writeFiles(root, { 'ssot.config.json': '{\n  // { "from": "src/agents/execution_engine_unified_factory", "to": "src/agents/supervisor/execution_engine_factory" },\n  "modules": [],\n  "symbols": []\n}\n' });
    git(root, 'add', '-A');
    git(root, 'commit', '--quiet', '-m', 'a registry with nothing in effect');
    const before = treeState(root);
    for (const args of [['check'], ['apply', '--dry-run'], ['apply', '--commit']]) {
      const run = cli(root, ...args);
      expect([args, run.status, run.stdout]).toEqual([args, 2, '']);
      expect(run.stderr.trim()).toBe(`ssot-codemod: ${path.join(root, 'ssot.config.json')}: $: names no symbol and no module (expected an entry in "symbols" or "modules": uncomment a proposal ssot-codemod init wrote, or add one)`);
    }
    expect(treeState(root)).toEqual(before);
    // recover restores what a run left whatever the registry names: it still runs.
    const recover = cli(root, 'recover');
    expect([recover.status, recover.stderr.trim()]).toEqual([0, 'nothing to recover: no interrupted batch']);
  });

  it('never overwrites: a second init (or one naming an existing file) is exit 2 and changes nothing', () => {
    const root = withoutRegistry();
    expect(cli(root, 'init').status).toBe(0);
    writeFiles(root, { 'ssot.config.json': '{ "symbols": [] } // mine\n', 'custom.json': 'not mine to touch\n' });
    const before = treeState(root);
    const again = cli(root, 'init');
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toBe(`ssot-codemod: ${path.join(root, 'ssot.config.json')} already exists; init never overwrites a file (edit it, or move it away and run init again)`);
    expect(cli(root, 'init', '--config', 'custom.json').status).toBe(2);
    expect(treeState(root)).toEqual(before);
  });

  it('demotes a proposal the registry would refuse to a comment that says why, so the file still loads', () => {
    const root = makeTempDir();
    writeFiles(root, {
      'src/real.ts': 'export class Real {}\n',
      // Re-exports a name its target does not have: the registry would refuse it.
      'src/broken_stub.ts': "export { Missing as Old } from './real';\n",
      'src/good_stub.ts': "export { Real as Legacy } from './real';\n",
      'src/use.ts': "import { Legacy } from './good_stub';\nexport const x = new Legacy();\n",
      // A folder's index that re-exports one module: its public face, so only proposed, commented out.
      'src/compat/index.ts': "export * from '../real';\n",
    });
    expect(cli(root, 'init').status).toBe(0);
    const text = fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8');
    expect(parseJsonc(text).symbols).toEqual([{ name: 'Real', from: 'src/real', legacy: [{ name: 'Legacy', from: 'src/good_stub' }] }]);
    expect(text).toMatch(/Not in effect, as the registry refuses it: "src\/real" does not export "Missing".*\n\s+\/\/ \{ "name": "Missing", "from": "src\/real", "legacy": \[\{ "name": "Old", "from": "src\/broken_stub" \}\] \},/);
    expect(text).toMatch(/\/\/ src\/compat\/index\.ts only re-exports "src\/real" \(export \* from\), but it is a folder's index, usually its public entry point: uncomment if it is legacy\.\n\s+\/\/ \{ "from": "src\/compat", "to": "src\/real" \},/);
    // No tsconfig here: the key is shown, commented out.
    expect(text).toMatch(/^ {2}\/\/ "tsconfig": "tsconfig\.json",/m);
    expect(parseJsonc(text).tsconfig).toBeUndefined();
    expect(cli(root, 'check').status).toBe(0);
  });

  it('refuses a folder with no file to scan, writing nothing', () => {
    const root = makeTempDir();
    writeFiles(root, { 'README.md': '# not code\n' });
    const run = cli(root, 'init');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^ssot-codemod: no file to scan: /);
    expect(fs.readdirSync(root)).toEqual(['README.md']);
  });
});
