/**
 * A worker thread loads the engine, not discovery: it only transforms the files it is handed. Checked on the
 * built runner in a fresh Node, whose module cache says what was loaded.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const DIST = path.join(__dirname, '..', '..', 'dist', 'src');

it("a worker's modules (the file runner, the engine, the registry) load neither discovery, nor its glob and ignore libraries", () => {
  // What worker.ts imports.
  const script = `
    require(${JSON.stringify(path.join(DIST, 'runner', 'file-runner.js'))});
    require(${JSON.stringify(path.join(DIST, 'registry', 'load.js'))});
    const loaded = Object.keys(require.cache);
    const has = (part) => loaded.some((m) => m.includes(part));
    process.stdout.write(JSON.stringify({
      engine: has('/engine/pipeline.js'),
      discover: has('/runner/discover.js'),
      tinyglobby: has('/node_modules/tinyglobby/'),
      fdir: has('/node_modules/fdir/'),
      ignore: has('/node_modules/ignore/'),
    }));
  `;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ engine: true, discover: false, tinyglobby: false, fdir: false, ignore: false });
});
