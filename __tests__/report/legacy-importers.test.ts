/**
 * "safe to delete" means what it says (issue 14, item 6): a legacy module's importers are counted across the
 * whole repository — files outside `include`, or outside the paths `check` was given, included — and a
 * module that a canonical module loads (`export * from './bounds'` in its index) is never deletable.
 */
import * as path from 'node:path';
import { runCheck } from '../../src/cli/check';
import type { CheckReport, LegacyModuleReport } from '../../src/report';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const root = tempTree({
  'ssot.config.json': JSON.stringify({
    include: ['src/**/*.ts'],
    symbols: [
      { name: 'Bounds', from: 'src/geometry', legacy: [{ name: 'Bounds', from: 'src/bounds' }, { name: 'Bounds', from: 'src/old_bounds' }] },
      { name: 'Point', from: 'src/geometry/point', legacy: [{ name: 'Point', from: 'src/old_point' }] },
    ],
  }),
  // The canonical index re-exports the legacy module that still holds the class.
  'src/geometry/index.ts': "export * from '../bounds';\nexport * from './point';\n",
  'src/geometry/point.ts': 'export class Point {}\n',
  'src/bounds.ts': 'export class Bounds {}\n',
  'src/old_bounds.ts': "export { Bounds } from './geometry';\n",
  'src/old_point.ts': "export { Point } from './geometry/point';\n",
  'src/app.ts': "import { Bounds } from './geometry';\n\nexport const b = new Bounds();\n",
  'src/feature/view.ts': "import { Point } from '../old_point';\n\nexport const p = new Point();\n",
  // Outside `include`: never rewritten, but still an importer.
  'scripts/tool.ts': "import { Point } from '../src/old_point';\n\nexport const q = new Point();\n",
});

async function legacyModules(paths?: string[]): Promise<Map<string, LegacyModuleReport>> {
  const { report } = await runCheck({ cwd: root, format: 'json', color: false, toolVersion: '0', workers: 0, paths });
  return new Map((report as CheckReport).legacyModules.map((m) => [m.module, m]));
}

describe('importers of legacy modules', () => {
  it('never calls a module that a canonical module loads safe to delete, and names the loader', async () => {
    const bounds = (await legacyModules()).get('src/bounds')!;
    expect(bounds).toMatchObject({ importers: 1, files: ['src/geometry/index.ts'], loadedBy: ['src/geometry'], safeToDelete: false });
  });

  it('counts importers outside include, and says which', async () => {
    const point = (await legacyModules()).get('src/old_point')!;
    expect(point).toMatchObject({ importers: 2, files: ['scripts/tool.ts', 'src/feature/view.ts'], unchecked: ['scripts/tool.ts'], safeToDelete: false });
  });

  it('counts importers outside the paths asked for', async () => {
    const point = (await legacyModules([path.join(root, 'src', 'app.ts')])).get('src/old_point')!;
    expect(point).toMatchObject({ importers: 2, unchecked: ['scripts/tool.ts', 'src/feature/view.ts'], safeToDelete: false });
  });

  it('still calls a module nothing loads safe to delete', async () => {
    expect((await legacyModules()).get('src/old_bounds')).toEqual({
      module: 'src/old_bounds', importers: 0, files: [], unchecked: [], loadedBy: [], safeToDelete: true,
    });
  });

  it('says so in the dashboard', async () => {
    const { output } = await runCheck({ cwd: root, format: 'text', color: false, toolVersion: '0', workers: 0 });
    expect(output).toMatch(/src\/bounds\s+1 importer\s+loaded by src\/geometry\n/);
    expect(output).toMatch(/src\/old_point\s+2 importers\s+1 outside the files checked\n/);
    expect(output).toMatch(/src\/old_bounds\s+0 importers\s+safe to delete\n/);
  });

  it('withholds "safe to delete" while a file outside the files checked does not parse, and says which', async () => {
    const broken = tempTree({
      'ssot.config.json': JSON.stringify({ include: ['src/**/*.ts'], symbols: [{ name: 'Point', from: 'src/point', legacy: [{ name: 'Point', from: 'src/old_point' }] }] }),
      'src/point.ts': 'export class Point {}\n',
      'src/old_point.ts': "export { Point } from './point';\n",
      // (the error before the import: a file whose imports parse is measured from them, as apply reads it)
      'scripts/broken.ts': "export const = ;\nimport { Point } from '../src/old_point';\n",
    });
    const { report } = await runCheck({ cwd: broken, format: 'json', color: false, toolVersion: '0', workers: 0 });
    expect(report.legacyModules).toEqual([expect.objectContaining({ module: 'src/old_point', importers: 0, safeToDelete: false })]);
    expect(report.skipped).toEqual([{ file: 'scripts/broken.ts', reason: expect.stringMatching(/^not checked, and parse-error at 1:14: it might still import/) }]);
    expect(report.errors).toEqual([]);
  });
});
