/**
 * The round trip (issue 14): real codebases — rxjs (its TypeScript sources, CommonJS build and type
 * declarations), ajv (sources and build) and TypeScript's `lib/` — are fragmented by a seeded generator
 * (__tests__/helpers/round-trip.ts) onto generated legacy modules: moved modules, renamed legacy names,
 * defaults, type-only imports, aliases, `export … from`, `export *`, `import()`, `import('…').X` types,
 * `require`, `import x = require`, and mocks (in synthetic test files added to the corpus). The registry
 * describes the legacy modules. `apply`'s engine, all three transforms, must give back the original, byte
 * for byte, for every file; a second run must change nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { corpusFiles, fragment, seeded, type Corpus } from '../helpers/round-trip';
import { makeTempDir, removeTempDirs, writeFiles } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const NODE_MODULES = path.join(__dirname, '..', '..', 'node_modules');
/** Each with the share of its imported modules that get a legacy home (TypeScript's lib imports only two). */
const CORPORA: (Corpus & { modules: number })[] = [
  { name: 'rxjs', packageDir: path.join(NODE_MODULES, 'rxjs'), folders: ['src', 'dist/cjs', 'dist/types'], modules: 0.3 },
  { name: 'ajv', packageDir: path.join(NODE_MODULES, 'ajv'), folders: ['lib', 'dist'], modules: 0.3 },
  { name: 'typescript', packageDir: path.join(NODE_MODULES, 'typescript'), folders: ['lib'], modules: 1 },
];
const SEED = 14;

/** Synthetic test files that mock, load for real and import() some of the corpus's modules: part of the original. */
function syntheticConsumers(files: string[], seed: number): Map<string, string> {
  const random = seeded(seed);
  const consumers = new Map<string, string>();
  const modules = files.filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !/(^|\/)index\.[jt]s$/.test(f));
  for (const module of modules) {
    if (random() >= 0.08) continue;
    const name = `__roundtrip__/consumer-${consumers.size + 1}.test.ts`;
    const specifier = `../${module.replace(/\.[jt]s$/, '')}`;
    consumers.set(name, [
      `import loaded = require('${specifier}');`,
      `export * from '${specifier}';`,
      '',
      `jest.mock('${specifier}');`,
      '',
      `export const actual = jest.requireActual('${specifier}');`,
      `export const later = () => import('${specifier}');`,
      `export type Module = typeof import('${specifier}');`,
      'export { loaded };',
      '',
    ].join('\n'));
  }
  return consumers;
}

interface Figures {
  files: number;
  fragmentedFiles: number;
  sites: Record<string, number>;
  identical: number;
  mismatches: string[];
}

function roundTrip(corpus: Corpus & { modules: number }): Figures {
  const files = corpusFiles(corpus);
  const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(corpus.packageDir, f), 'utf8')]));
  for (const [name, text] of syntheticConsumers(files, SEED)) texts.set(name, text);
  const result = fragment(texts, { seed: SEED, modules: corpus.modules, files: 0.8, aliases: 150 });
  const root = makeTempDir(`ssot-round-trip-${corpus.name}-`);
  writeFiles(root, Object.fromEntries(texts));
  writeFiles(root, Object.fromEntries([...result.fragmented, ...result.shims]));
  writeFiles(root, { 'ssot.config.json': JSON.stringify(result.registry, null, 2) });
  if (process.env.ROUND_TRIP_DUMP) fs.cpSync(root, path.join(process.env.ROUND_TRIP_DUMP, corpus.name), { recursive: true });
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const transforms = selectTransforms();
  const mismatches: string[] = [];
  let identical = 0;
  for (const [file, original] of result.originals) {
    const source = result.fragmented.get(file) ?? original;
    const first = transformFile({ path: path.join(root, file), source, registry, transforms });
    const output = first.output ?? source;
    const second = first.status === 'changed' ? transformFile({ path: path.join(root, file), source: output, registry, transforms }) : null;
    if (output === original && first.status !== 'failed' && (!second || second.status === 'unchanged')) {
      identical++;
      continue;
    }
    let at = 0;
    while (at < output.length && output[at] === original[at]) at++;
    const line = original.slice(0, at).split('\n').length;
    const why = first.findings.map((f) => `${f.line}:${f.column} ${f.kind}: ${f.message}`).join('; ');
    const shown = (text: string): string => JSON.stringify(text.split('\n')[line - 1] ?? '');
    mismatches.push(`${corpus.name}/${file}:${line} ${first.status}${second ? `, then ${second.status}` : ''}: expected ${shown(original)}, got ${shown(output)}${why ? ` (${why})` : ''}`);
  }
  return { files: result.originals.size, fragmentedFiles: result.fragmented.size, sites: result.sites, identical, mismatches };
}

describe('the round trip over real codebases', () => {
  const all: Figures[] = [];

  for (const corpus of CORPORA) {
    it(`${corpus.name}: every fragmented file comes back byte for byte, and no other file changes`, () => {
      const figures = roundTrip(corpus);
      all.push(figures);
      process.stdout.write(`round trip ${corpus.name}: ${figures.files} files, ${figures.fragmentedFiles} fragmented, ${JSON.stringify(figures.sites)}, ${figures.identical} byte-identical\n`);
      expect(figures.mismatches).toEqual([]);
      expect(figures.identical).toBe(figures.files);
    }, 120_000);
  }

  it('fragments every form it promises, many times', () => {
    const sites: Record<string, number> = {};
    for (const figures of all) for (const [form, n] of Object.entries(figures.sites)) sites[form] = (sites[form] ?? 0) + n;
    const total = Object.values(sites).reduce((a, b) => a + b, 0);
    const fragmentedFiles = all.reduce((a, f) => a + f.fragmentedFiles, 0);
    const files = all.reduce((a, f) => a + f.files, 0);
    // The figure the README reports.
    process.stdout.write(`round trip: ${files} files, ${fragmentedFiles} fragmented, ${total} sites ${JSON.stringify(sites)}, ${all.reduce((a, f) => a + f.identical, 0)} byte-identical\n`);
    for (const form of ['import', 'import type', 'export … from', 'export-all', 'require', 'import-equals', 'import-type', 'dynamic-import', 'mock', 'default', 'alias']) {
      expect([form, sites[form] ?? 0]).toEqual([form, expect.any(Number)]);
      expect([form, (sites[form] ?? 0) > 0]).toEqual([form, true]);
    }
    expect(total).toBeGreaterThan(500);
  });
});
