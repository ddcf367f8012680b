/**
 * What we write, the project's formatter accepts (issue 10), for every fixture of every transform and with
 * prettier 3 and prettier 2: an input that passes `prettier --check` with the configuration prettier
 * resolves for it gives an output that passes too; an input that does not gives a diff that touches only
 * the lines the rewrite needed (the statements it changed). Most fixtures sit in the fixture project's
 * `src/app/`, which has no prettier configuration (prettier's defaults apply, and their single quotes fail
 * it); those in a style folder (`prettier-semi-false/`, `prettier-tabs/`, `prettier-width-120/`,
 * `prettier-trailing-comma-none/`, `prettier-overrides/`, `editorconfig-tabs-width-100/`) are formatted
 * with that folder's configuration and must pass. Then the same style folders are run in a copy of the
 * project whose installed prettier is prettier 2, so that the configuration is read by prettier 2 too.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { aliasedImports } from '../../transforms/aliased-imports';
import { consolidatedPaths } from '../../transforms/consolidated-paths';
import { directInstantiation } from '../../transforms/direct-instantiation';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import type { TransformDefinition } from '../../src/transforms';
import { fixtureCases, PROJECT, runAs } from '../helpers/fixtures';
import { installPrettier, linesTouchedBeyond, neededLines, passesCheck, PRETTIERS } from '../helpers/formatter-check';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const FOLDERS: [string, TransformDefinition][] = [
  ['consolidated-paths', { name: 'consolidated-paths', run: consolidatedPaths }],
  ['aliased-imports', { name: 'aliased-imports', run: aliasedImports }],
  ['direct-instantiation', { name: 'direct-instantiation', run: directInstantiation }],
];
const REPO = path.join(__dirname, '..', '..');

const cases = FOLDERS.flatMap(([folder, transform]) => fixtureCases(folder).map((c) => ({ ...c, id: `${folder}/${c.name}`, transform })));
const styled = cases.filter((c) => c.name.includes('/'));

describe.each(PRETTIERS)('every fixture, checked by $name', ({ entry }) => {
  const verdicts = new Map<string, { input: boolean; output: boolean; outside: number[] }>();
  beforeAll(() => {
    for (const c of cases) {
      const file = path.join(PROJECT, 'src', 'app', c.fileName);
      // What the tool writes now (the harness compares it with the expected output, which is checked too).
      const result = runAs(c.fileName, c.input, [c.transform]);
      const written = result.output ?? c.input;
      const input = passesCheck(entry, file, c.input);
      const output = passesCheck(entry, file, written) && passesCheck(entry, file, c.output);
      const outside = input ? [] : linesTouchedBeyond(c.input, written, neededLines(c.input, file, result.edits ?? []));
      verdicts.set(c.id, { input, output, outside });
    }
  }, 120_000);

  it.each(cases.map((c) => [c.id]))('%s: passes if its input passes; else touches only what the rewrite needed', (id) => {
    const verdict = verdicts.get(id)!;
    if (verdict.input) expect(verdict.output).toBe(true);
    else expect(verdict.outside).toEqual([]);
  });

  it('has fixtures formatted with their own configuration, whose inputs pass', () => {
    expect(styled.length).toBeGreaterThanOrEqual(12);
    expect(styled.filter((c) => !verdicts.get(c.id)!.input).map((c) => c.id)).toEqual([]);
  });
});

describe('the style folders, with prettier 2 installed in the project', () => {
  it('give the same outputs when prettier 2 reads their configuration', () => {
    const root = makeTempDir('ssot-prettier2-');
    fs.cpSync(PROJECT, root, { recursive: true });
    installPrettier(root, path.join(REPO, 'node_modules', 'prettier2'));
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    for (const c of styled) {
      const result = transformFile({ path: path.join(root, 'src', 'app', c.fileName), source: c.input, registry, transforms: [c.transform] });
      expect([c.id, result.output ?? c.input]).toEqual([c.id, c.output]);
    }
  });
});
