/**
 * `apply --format-with prettier|auto`: the declarations we write are formatted by the project's own
 * prettier, resolved from its node_modules (here a link to prettier 3 or prettier 2 from ours, as an
 * installed one would be), and nothing else in the file changes; a project without prettier is exit 2
 * with one line for `prettier`, and is simply not formatted for `auto`; Python files, which prettier does
 * not format, are written as without the option.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, REPO, treeState } from '../helpers/cli';
import { installPrettier } from '../helpers/formatter-check';
import { makeTempDir, removeTempDirs, tempTree, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

/** A consumer whose other lines prettier would change (`const   answer   =  42`): they must stay as they are. */
const PROJECT = {
  'ssot.config.json': JSON.stringify({
    symbols: [
      { name: 'Engine', from: 'src/canonical', legacy: [{ name: 'Engine', from: 'src/legacy' }] },
      { name: 'Context', from: 'src/canonical', legacy: [{ name: 'Context', from: 'src/legacy' }] },
    ],
  }),
  'src/canonical.ts': 'export class Engine {}\nexport interface Context { id: string }\n',
  'src/legacy.ts': "export { Engine, type Context } from './canonical';\nexport const FLAG = true;\n",
  'src/app.ts': [
    "import {Engine,Context,FLAG} from './legacy'",
    '',
    'const   answer   =  42',
    'export const make = (c: Context) => (FLAG ? new Engine() : answer)',
    '',
  ].join('\n'),
};

function withPrettier(which: 'prettier' | 'prettier2', config: Record<string, unknown>): string {
  const root = tempTree({ ...PROJECT, '.prettierrc.json': JSON.stringify(config) });
  installPrettier(root, path.join(REPO, 'node_modules', which));
  return root;
}

describe('apply --format-with', () => {
  it.each(['prettier', 'prettier2'] as const)('formats only the declarations written, with the project\'s own %s', (which) => {
    const root = withPrettier(which, { semi: false, singleQuote: true, printWidth: 40 });
    const run = cli(root, 'apply', '--format-with', 'prettier');
    expect([run.status, run.stderr]).toEqual([0, expect.any(String)]);
    expect(fs.readFileSync(path.join(root, 'src/app.ts'), 'utf8')).toBe([
      "import { FLAG } from './legacy'",
      'import {',
      '  Engine,',
      '  Context,',
      "} from './canonical'",
      '',
      'const   answer   =  42',
      'export const make = (c: Context) => (FLAG ? new Engine() : answer)',
      '',
    ].join('\n'));
  });

  it('with auto, formats where prettier is installed and writes the file\'s own style where it is not', () => {
    const formatted = cli(withPrettier('prettier', { semi: false, singleQuote: true }), 'apply', '--dry-run', '--format-with', 'auto');
    expect(formatted.status).toBe(0);
    expect(formatted.stdout).toContain("+import { FLAG } from './legacy'\n+import { Engine, Context } from './canonical'\n");
    const plain = cli(tempTree(PROJECT), 'apply', '--dry-run', '--format-with', 'auto');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain("+import {FLAG} from './legacy'\n+import {Engine, Context} from './canonical'\n");
  });

  it('is exit 2 with one line, before anything is read or written, when the project has no prettier', () => {
    const root = tempTree(PROJECT);
    const before = treeState(root);
    const run = cli(root, 'apply', '--format-with', 'prettier');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      `ssot-codemod: --format-with prettier: prettier is not installed for ${root} inside its repository (the project's own is used, never a copy of ours nor one from a parent folder: npm install --save-dev prettier)`,
    ]);
    expect(treeState(root)).toEqual(before);
  });

  it.each(['in a parent folder', 'linked in from outside'])('never loads a prettier installed %s: it is not the project\'s, and would run code from outside', (where) => {
    // A prettier that says so when it is loaded, in the node_modules of the folder above the project.
    const parent = makeTempDir('ssot-prettier-above-');
    const canary = path.join(parent, 'prettier-was-loaded');
    writeFiles(parent, {
      'node_modules/prettier/package.json': JSON.stringify({ name: 'prettier', version: '3.0.0', main: 'index.js' }),
      'node_modules/prettier/index.js': `require('fs').writeFileSync(${JSON.stringify(canary)}, 'loaded');\nmodule.exports = {};\n`,
    });
    const root = path.join(parent, 'project');
    writeFiles(root, { ...PROJECT, '.prettierrc.json': JSON.stringify({ semi: false, printWidth: 40 }) });
    if (where === 'linked in from outside') {
      fs.mkdirSync(path.join(root, 'node_modules'));
      fs.symlinkSync(path.join(parent, 'node_modules', 'prettier'), path.join(root, 'node_modules', 'prettier'), 'dir');
    }
    const before = treeState(root);
    const refused = cli(root, 'apply', '--format-with', 'prettier');
    expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining('prettier is not installed for')]);
    expect(treeState(root)).toEqual(before);
    for (const args of [['apply', '--dry-run', '--format-with', 'auto'], ['apply', '--dry-run'], ['check']]) {
      expect(cli(root, ...args).status).toBe(0);
    }
    const written = cli(root, 'apply');
    expect(written.status).toBe(0);
    // Written in the style the file shows, as in a project without prettier: the width of 40 was prettier's to read.
    expect(fs.readFileSync(path.join(root, 'src/app.ts'), 'utf8')).toMatch(/^import \{FLAG\} from '\.\/legacy'\nimport \{Engine, Context\} from '\.\/canonical'\n/);
    expect(fs.existsSync(canary)).toBe(false);
  });

  it('check never loads the project\'s prettier, even installed inside it: check runs no code of the repository; apply does', () => {
    const root = tempTree({ ...PROJECT, '.prettierrc.json': '{}' });
    const canary = path.join(root, 'prettier-was-loaded');
    writeFiles(root, {
      'node_modules/prettier/package.json': JSON.stringify({ name: 'prettier', version: '3.0.0', main: 'index.js' }),
      'node_modules/prettier/index.js': `require('fs').writeFileSync(${JSON.stringify(canary)}, 'loaded');\nmodule.exports = {};\n`,
    });
    expect(cli(root, 'check').status).toBe(0);
    expect(fs.existsSync(canary)).toBe(false);
    // The same tree, where a rewrite needs the project's style: that prettier is the project's, and is loaded.
    cli(root, 'apply', '--dry-run');
    expect(fs.existsSync(canary)).toBe(true);
  });

  it('leaves Python files as it writes them without the option: prettier formats no Python', () => {
    const root = makeTempDir('ssot-format-python-');
    fs.cpSync(path.join(REPO, 'examples', 'netra-python'), root, { recursive: true, filter: (f) => !f.includes('__pycache__') });
    installPrettier(root, path.join(REPO, 'node_modules', 'prettier'));
    const plain = cli(root, 'apply', '--dry-run');
    const formatted = cli(root, 'apply', '--dry-run', '--format-with', 'prettier');
    expect([formatted.status, plain.status]).toEqual([0, 0]);
    expect(plain.stdout).toMatch(/^diff --git a\/\S+\.py /m);
    expect(formatted.stdout).toBe(plain.stdout);
  });

  it('refuses a formatter it does not know', () => {
    const run = cli(tempTree(PROJECT), 'apply', '--dry-run', '--format-with', 'black');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--format-with must be prettier, auto (got black)');
  });
});
