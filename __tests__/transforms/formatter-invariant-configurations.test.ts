/**
 * The formatter invariant of issue 10 over many layouts: every fixture input of the three transforms,
 * formatted by prettier (3, and 2) under five configurations as a project of that configuration would have
 * it, must still pass that prettier's check once rewritten by all three transforms. Each configuration is
 * a `.prettierrc.json` in a copy of the fixture project whose installed prettier is the one under test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { prettierFormat } from '../../src/languages/javascript/prettier';
import { fixtureCases, PROJECT } from '../helpers/fixtures';
import { installPrettier, passesCheck, PRETTIERS } from '../helpers/formatter-check';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const CONFIGURATIONS: Record<string, unknown>[] = [
  {},
  { semi: false, singleQuote: true },
  { useTabs: true, printWidth: 60 },
  { trailingComma: 'none', printWidth: 120, bracketSpacing: false },
  { tabWidth: 4, printWidth: 50 },
];
// Cases in a style folder run beside a configuration of their own (formatter-invariant.test.ts).
const CASES = ['consolidated-paths', 'direct-instantiation', 'aliased-imports'].flatMap((folder) =>
  fixtureCases(folder).filter((c) => !c.name.includes('/')).map((c) => ({ ...c, id: `${folder}/${c.name}` })));

describe.each(PRETTIERS)('every fixture input formatted by $name', ({ entry, folder }) => {
  it.each(CONFIGURATIONS.map((c) => [JSON.stringify(c), c]))('under %s passes its check after the rewrite', (_, configuration) => {
    const root = makeTempDir('ssot-layouts-');
    fs.cpSync(PROJECT, root, { recursive: true });
    installPrettier(root, folder);
    fs.writeFileSync(path.join(root, 'src', 'app', '.prettierrc.json'), JSON.stringify(configuration));
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    let rewritten = 0;
    const failing: string[] = [];
    for (const c of CASES) {
      const file = path.join(root, 'src', 'app', c.fileName);
      let input: string;
      try {
        input = prettierFormat(entry, c.input, { ...configuration, filepath: file });
      } catch {
        continue; // a syntax this prettier does not read
      }
      if (!passesCheck(entry, file, input)) continue;
      const result = transformFile({ path: file, source: input, registry, transforms: selectTransforms() });
      if (result.status !== 'changed') continue;
      rewritten++;
      if (!passesCheck(entry, file, result.output!)) failing.push(c.id);
    }
    expect(failing).toEqual([]);
    // Most fixtures rewrite something, under every configuration.
    expect(rewritten).toBeGreaterThan(100);
  }, 60_000);
});
