/**
 * `.editorconfig` is read from the file's folder up to the project's tree, as prettier reads it, and no
 * further: one in a folder above the project (a home folder's) is not the project's. The files read are
 * kept for the run (one registry loaded), not for the process.
 *
 * The file below merges two names into one declaration 99 columns long. Its own longest declaration is
 * 93 columns, so without a configuration the merged one is broken over lines; `max_line_length = 100`
 * keeps it on one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { transformFile } from '../../../src/engine/pipeline';
import { selectTransforms } from '../../../src/transforms';
import { PROJECT } from '../../helpers/fixtures';
import { makeTempDir, removeTempDirs } from '../../helpers/temp-repo';

afterAll(removeTempDirs);

const INPUT = `import { UserExecutionEngine } from "../../agents/supervisor/user_execution_engine";
import { EngineContext, LEGACY_ENGINE_FLAG } from "../../agents/execution_engine_consolidated";

export function start(context: EngineContext): UserExecutionEngine | null {
\treturn LEGACY_ENGINE_FLAG ? new UserExecutionEngine(context) : null;
}
`;
const ONE_LINE = 'import { UserExecutionEngine, EngineContext } from "../../agents/supervisor/user_execution_engine";\n';
const BROKEN = 'import {\n\tUserExecutionEngine,\n\tEngineContext,\n} from "../../agents/supervisor/user_execution_engine";\n';
const WIDTH_100 = 'root = true\n\n[*.ts]\nindent_style = tab\nmax_line_length = 100\n';

/** A copy of the fixture project in `outer/project`, with the file to rewrite in `src/app/here/`; returns both folders. */
function projectInside(): { outer: string; root: string } {
  const outer = makeTempDir('ssot-editorconfig-');
  const root = path.join(outer, 'project');
  fs.cpSync(PROJECT, root, { recursive: true });
  fs.mkdirSync(path.join(root, 'src', 'app', 'here'));
  fs.writeFileSync(path.join(root, 'src', 'app', 'here', 'start.ts'), INPUT);
  return { outer, root };
}

function rewrite(root: string, registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') }), name = 'start.ts'): string {
  const file = path.join(root, 'src', 'app', 'here', name);
  const result = transformFile({ path: file, source: fs.readFileSync(file, 'utf8'), registry, transforms: selectTransforms() });
  expect(result.status).toBe('changed');
  return result.output!;
}

describe('.editorconfig', () => {
  it('applies when it is inside the project', () => {
    const { root } = projectInside();
    fs.writeFileSync(path.join(root, '.editorconfig'), WIDTH_100);
    expect(rewrite(root)).toContain(ONE_LINE);
  });

  it('is not read above the project: a parent folder\'s is not the project\'s', () => {
    const { outer, root } = projectInside();
    fs.writeFileSync(path.join(outer, '.editorconfig'), WIDTH_100);
    expect(rewrite(root)).toContain(BROKEN);
  });

  it('is read once per run: a change during the run is seen by the next run, not by this one', () => {
    const { root } = projectInside();
    fs.copyFileSync(path.join(root, 'src', 'app', 'here', 'start.ts'), path.join(root, 'src', 'app', 'here', 'again.ts'));
    const config = path.join(root, '.editorconfig');
    fs.writeFileSync(config, WIDTH_100);
    const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    expect(rewrite(root, registry)).toContain(ONE_LINE);
    fs.writeFileSync(config, WIDTH_100.replace('100', '40'));
    expect(rewrite(root, registry, 'again.ts')).toContain(ONE_LINE);
    expect(rewrite(root, undefined, 'again.ts')).toContain(BROKEN);
  });
});
