/**
 * Hostile input: broken registries (seeded random mutations of the fixture registry), broken and
 * adversarial source files, and registries whose strings look like code. Nothing may throw anything but
 * a RegistryError, print a stack trace, run a string as code, or emit a rewritten file that does not parse.
 *
 * Every random choice comes from a PRNG with a fixed seed; the seed and the mutant's number are in every
 * failure message, so a failure reproduces by running this file again.
 *
 * Not here: a symlink to a file outside the registry's folder is neither read nor written by `apply` —
 * see "files the CLI must not read or write" in __tests__/cli.test.ts.
 * Not here: "`--verify` is the only command run, and `apply` without it runs no shell" — see
 * __tests__/security.test.ts, which records every child_process call of the built CLI with a Node preload.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry, RegistryError } from '../../src/registry/load';
import type { Registry } from '../../src/registry/types';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { parseSource } from '../../src/languages/javascript/parse';
import { readSource } from '../../src/runner/read-source';
import { FileRunner } from '../../src/runner/file-runner';
import { TRANSFORM_ORDER } from '../../src/transforms';
import type { FileResult } from '../../src/engine/results';
import { FIXTURES, PROJECT } from '../helpers/fixtures';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';
import { cli } from '../helpers/cli';
import { parsesWhole } from '../helpers/parses';

const SEED = 0x5eed_2024;

/** The bench's mulberry32: small, seeded, good enough to pick mutations. */
function prng(seed: number) {
  const next = (require('../../bench/generate.js') as { mulberry32: (seed: number) => () => number }).mulberry32(seed);
  const int = (n: number): number => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

/** A copy of the fixture project in a temporary folder. */
function projectCopy(): string {
  const dir = makeTempDir('ssot-hostile-');
  fs.cpSync(PROJECT, dir, { recursive: true });
  return dir;
}

afterAll(() => removeTempDirs());

// ---------------------------------------------------------------------------------------------------------
// 1. Bad registries.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface Mutant {
  kind: string;
  text: string;
  /** False when the mutation may by chance leave the registry valid. */
  mustFail: boolean;
}

const VALID_TEXT = fs.readFileSync(path.join(PROJECT, 'ssot.config.json'), 'utf8');

/** Every object in the registry with the keys it must have. */
function objectsOf(config: JsonObject): { value: JsonObject; required: string[] }[] {
  const found: { value: JsonObject; required: string[] }[] = [{ value: config, required: [] }];
  for (const move of config.modules as JsonObject[]) found.push({ value: move, required: ['from', 'to'] });
  for (const symbol of config.symbols as JsonObject[]) {
    found.push({ value: symbol, required: ['name', 'from'] });
    for (const legacy of (symbol.legacy ?? []) as JsonObject[]) {
      found.push({ value: legacy, required: ['name', 'from'] });
      if (legacy.construct) found.push({ value: legacy.construct as JsonObject, required: ['factory', 'from'] });
    }
  }
  return found;
}

/** Every module-path key (`from`, `to`) of the registry, as [object, key]. */
function moduleSlots(config: JsonObject): [JsonObject, string][] {
  return objectsOf(config).flatMap(({ value }) => ['from', 'to'].filter((k) => typeof value[k] === 'string').map((k): [JsonObject, string] => [value, k]));
}

/** Every (container, key) holding a value, nested anywhere. */
function valueSlots(root: Json): [JsonObject | Json[], string | number][] {
  const slots: [JsonObject | Json[], string | number][] = [];
  const walk = (value: Json): void => {
    if (Array.isArray(value)) value.forEach((v, i) => (slots.push([value, i]), walk(v)));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) slots.push([value, k]), walk(v);
  };
  walk(root);
  return slots;
}

function typeName(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

const REPLACEMENTS: Json[] = [42, 1.5, [], ['x'], null, {}, { from: 'src/errors' }, true, false];

function mutate(rng: Rng): Mutant {
  const config = JSON.parse(VALID_TEXT) as JsonObject;
  const kinds = ['delete-required', 'unknown-key', 'change-type', 'missing-module', 'leaves-folder', 'duplicate', 'truncate', 'random-bytes'];
  const kind = rng.pick(kinds);
  const done = (mustFail: boolean): Mutant => ({ kind, text: JSON.stringify(config, null, rng.pick([0, 2])), mustFail });
  switch (kind) {
    case 'delete-required': {
      const withRequired = objectsOf(config).filter((o) => o.required.length > 0);
      const { value, required } = rng.pick(withRequired);
      delete value[rng.pick(required)];
      return done(true);
    }
    case 'unknown-key': {
      const { value } = rng.pick(objectsOf(config));
      value[rng.pick(['extra', 'Name', 'froms', 'legacyy', 'x-y', 'über', ''])] = rng.pick(REPLACEMENTS);
      return done(true);
    }
    case 'change-type': {
      const [container, key] = rng.pick(valueSlots(config));
      const original = (container as Record<string | number, Json>)[key];
      // An integer minArgs stays valid as another integer; every other change of type is wrong.
      const options = REPLACEMENTS.filter((r) => typeName(r) !== typeName(original));
      (container as Record<string | number, Json>)[key] = rng.pick(options);
      return done(true);
    }
    case 'missing-module': {
      const [object, key] = rng.pick(moduleSlots(config));
      object[key] = rng.pick(['src/agents/no_such_module', 'src/nowhere/at_all', 'lib/logging/loggr', './src/errorz']);
      return done(true);
    }
    case 'leaves-folder': {
      const [object, key] = rng.pick(moduleSlots(config));
      object[key] = rng.pick(['../x', '../../x/y', '/etc/passwd', '/tmp/x', 'src/../../outside', '..']);
      return done(true);
    }
    case 'duplicate': {
      const symbols = config.symbols as JsonObject[];
      if (rng.next() < 0.5) {
        symbols.push(JSON.parse(JSON.stringify(rng.pick(symbols))));
      } else {
        const withLegacy = symbols.filter((s) => Array.isArray(s.legacy) && s.legacy.length > 0);
        const legacy = rng.pick(withLegacy).legacy as Json[];
        legacy.push(JSON.parse(JSON.stringify(rng.pick(legacy))));
      }
      return done(true);
    }
    case 'truncate': {
      // Anywhere before the closing brace of the top-level object leaves it unclosed.
      const end = VALID_TEXT.lastIndexOf('}');
      return { kind, text: VALID_TEXT.slice(0, rng.int(end)), mustFail: true };
    }
    default: {
      const at = rng.int(VALID_TEXT.length + 1);
      const bytes = Buffer.from(Array.from({ length: 1 + rng.int(6) }, () => rng.pick([0, 0x0a, 0x22, 0x7b, 0x5d, 0x2c, 0xff, 0xc3, 0x80, rng.int(256)])));
      const text = Buffer.concat([Buffer.from(VALID_TEXT.slice(0, at)), bytes, Buffer.from(VALID_TEXT.slice(at))]).toString('latin1');
      return { kind, text, mustFail: false };
    }
  }
}

/** Writes the mutant's bytes (latin1 round-trips the random-bytes mutants exactly) and loads it. */
function writeMutant(file: string, mutant: Mutant): void {
  fs.writeFileSync(file, mutant.kind === 'random-bytes' ? Buffer.from(mutant.text, 'latin1') : mutant.text);
}

describe('a broken registry', () => {
  const root = projectCopy();
  const configPath = path.join(root, 'ssot.config.json');
  const rng = prng(SEED);
  const mutants = Array.from({ length: 150 }, () => mutate(rng));

  it('the unmutated copy loads (so every failure below is the mutation)', () => {
    expect(loadRegistry({ configPath }).symbols.length).toBeGreaterThan(0);
  });

  it('is a RegistryError with a one-line message naming the file and a JSON path, never another error', () => {
    const problems: string[] = [];
    const kinds = new Map<string, number>();
    mutants.forEach((mutant, i) => {
      const label = `seed ${SEED.toString(16)}, mutant ${i} (${mutant.kind})`;
      writeMutant(configPath, mutant);
      let error: unknown;
      try {
        loadRegistry({ configPath });
      } catch (e) {
        error = e;
      }
      if (error === undefined) {
        if (mutant.mustFail) problems.push(`${label}: loaded, expected a RegistryError; text: ${mutant.text.slice(0, 200)}`);
        return;
      }
      kinds.set(mutant.kind, (kinds.get(mutant.kind) ?? 0) + 1);
      if (!(error instanceof RegistryError)) {
        problems.push(`${label}: threw ${(error as Error)?.name}: ${(error as Error)?.message}\n${(error as Error)?.stack}`);
        return;
      }
      const { message } = error;
      if (/[\r\n\u2028\u2029]/.test(message)) problems.push(`${label}: message is not one line: ${JSON.stringify(message)}`);
      if (!message.startsWith(`${configPath}: $`)) problems.push(`${label}: message does not start with "<file>: $": ${message}`);
      if (!/^\$/.test(error.jsonPath) || !message.includes(`: ${error.jsonPath}: `)) problems.push(`${label}: JSON path ${error.jsonPath} not in ${message}`);
    });
    expect(problems).toEqual([]);
    // Every kind of mutation was generated and rejected at least once.
    expect([...kinds.keys()].sort()).toEqual(['change-type', 'delete-required', 'duplicate', 'leaves-folder', 'missing-module', 'random-bytes', 'truncate', 'unknown-key']);
  });

  it('makes the CLI exit 2 with one line on stderr and no stack trace', () => {
    const chosen = ['truncate', 'unknown-key', 'change-type', 'leaves-folder', 'duplicate'].map((kind) => {
      const i = mutants.findIndex((m) => m.kind === kind);
      expect(i).toBeGreaterThanOrEqual(0);
      return i;
    });
    for (const i of chosen) {
      writeMutant(configPath, mutants[i]);
      const run = cli(root, 'check');
      const label = `seed ${SEED.toString(16)}, mutant ${i} (${mutants[i].kind}): stderr ${JSON.stringify(run.stderr)}`;
      expect([label, run.status]).toEqual([label, 2]);
      expect([label, run.stderr.trimEnd().split('\n').length]).toEqual([label, 1]);
      expect([label, run.stderr]).toEqual([label, expect.stringContaining(`${configPath}: $`)]);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Bad sources.

const SOURCE_ROOT = projectCopy();
let registry: Registry;
const transforms = selectTransforms();

function inputs(): { name: string; ext: string; text: string }[] {
  const all = ['aliased-imports', 'consolidated-paths', 'direct-instantiation'].flatMap((folder) =>
    fs
      .readdirSync(path.join(FIXTURES, folder))
      .filter((f) => /\.input\.[a-z.]+$/.test(f))
      .sort()
      .map((f) => ({ name: `${folder}/${f}`, ext: /\.input\.([a-z.]+)$/.exec(f)![1], text: fs.readFileSync(path.join(FIXTURES, folder, f), 'utf8') })),
  );
  const step = Math.max(1, Math.floor(all.length / 20));
  return all.filter((_, i) => i % step === 0).slice(0, 20);
}

/** Rewritten files whose body did not parse before, nor after: counted, so that a test knows the case was met. */
let brokenBodiesRewritten = 0;

/** Runs the transforms; must not throw, and a changed result must parse wherever its source did. Returns a problem or null. */
function runSafely(label: string, file: string, source: string): { problem: string | null; result?: FileResult } {
  let result: FileResult;
  try {
    result = transformFile({ path: file, source, registry, transforms });
  } catch (error) {
    return { problem: `${label}: transformFile threw ${(error as Error)?.name}: ${(error as Error)?.message}` };
  }
  if (result.status === 'changed') {
    try {
      parseSource(result.output!, file);
    } catch (error) {
      // A file read from its import prologue alone may keep an error its body had: never one we made.
      if (parsesWhole(file, source)) return { problem: `${label}: changed output does not parse: ${(error as Error).message}`, result };
      brokenBodiesRewritten++;
    }
  }
  if (result.status === 'failed' && !result.findings.some((f) => f.kind === 'parse-error' || f.kind === 'transform-bug')) {
    return { problem: `${label}: failed without a parse-error finding: ${JSON.stringify(result.findings)}`, result };
  }
  return { problem: null, result };
}

function mixLineEndings(rng: Rng, text: string): string {
  return text.replace(/\r?\n/g, () => (rng.next() < 0.5 ? '\r\n' : '\n'));
}

describe('a hostile source file', () => {
  beforeAll(() => {
    registry = loadRegistry({ configPath: path.join(SOURCE_ROOT, 'ssot.config.json') });
  });
  const cases = inputs();

  it('picked ~20 fixture inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('text mutations (truncation, CRLF/LF mix, a 50,000-character line) never throw, and a changed file parses wherever its original did', () => {
    const rng = prng(SEED + 1);
    const problems: string[] = [];
    const statuses = new Set<string>();
    cases.forEach((c, i) => {
      const file = path.join(SOURCE_ROOT, 'src', 'app', `mutant-${i}.${c.ext}`);
      const longLine = `export const long${i} = '${'x'.repeat(50_000)}';`;
      const at = rng.int(c.text.length + 1);
      const variants: [string, string][] = [
        ['truncated', c.text.slice(0, rng.int(c.text.length))],
        ['truncated-twice', c.text.slice(0, at) + c.text.slice(at + rng.int(40))],
        ['crlf-mix', mixLineEndings(rng, c.text)],
        ['lone-cr', c.text.replace(/\n/g, () => (rng.next() < 0.3 ? '\r' : '\n'))],
        ['long-line', `${c.text}\n${longLine}\n`],
        ['long-line-first', `// ${'y'.repeat(50_000)}\n${mixLineEndings(rng, c.text)}`],
        ['long-expression', `${c.text}\nexport const sum${i} = ${Array.from({ length: 5_000 }, () => 'a').join(' + ')};\n`],
      ];
      for (const [kind, source] of variants) {
        const { problem, result } = runSafely(`seed ${(SEED + 1).toString(16)}, ${c.name} ${kind}`, file, source);
        if (problem) problems.push(problem);
        if (result) statuses.add(result.status);
      }
    });
    expect(problems).toEqual([]);
    // The mutants exercise both paths: some still rewrite, some fail to parse.
    expect(statuses).toEqual(new Set(['changed', 'failed', 'unchanged']));
    // …and some rewrite the imports of a file whose cut-off body never parsed (read from its prologue alone).
    expect(brokenBodiesRewritten).toBeGreaterThan(0);
  });

  it('deep nesting is a failed (or unchanged) result, never a thrown stack overflow', () => {
    const file = path.join(SOURCE_ROOT, 'src', 'app', 'mutant-deep.ts');
    const header = `import { ExecutionEngine } from '../agents/execution_engine_consolidated';\nexport const e = new ExecutionEngine({});\n`;
    const problems: string[] = [];
    for (const [kind, nested] of [
      ['parens', `${'('.repeat(5_000)}1${')'.repeat(5_000)}`],
      ['arrays', `${'['.repeat(5_000)}${']'.repeat(5_000)}`],
      ['objects', `${'{a:'.repeat(5_000)}1${'}'.repeat(5_000)}`],
      ['arrows', `${'() => '.repeat(5_000)}1`],
      ['parens-unclosed', '('.repeat(50_000)],
    ] as const) {
      const { problem, result } = runSafely(`deep ${kind}`, file, `${header}export const deep = ${nested};\n`);
      if (problem) problems.push(problem);
      // Babel overflows its stack on these: that must come back as a parse-error finding, not a RangeError.
      else if (result!.status === 'failed') expect(result!.findings.map((f) => f.kind)).toEqual(['parse-error']);
    }
    expect(problems).toEqual([]);
  });

  it('random bytes (NUL, invalid UTF-8) are skipped by readSource, and what it reads never throws', () => {
    const rng = prng(SEED + 2);
    const problems: string[] = [];
    let skipped = 0;
    let read = 0;
    cases.forEach((c, i) => {
      for (let round = 0; round < 3; round++) {
        const label = `seed ${(SEED + 2).toString(16)}, ${c.name} bytes round ${round}`;
        const original = Buffer.from(c.text);
        const at = rng.int(original.length + 1);
        const noise = Buffer.from(Array.from({ length: 1 + rng.int(8) }, () => rng.pick([0x00, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x0d, 0x7f, 0x20 + rng.int(0x5f)])));
        const bytes = Buffer.concat([original.subarray(0, at), noise, original.subarray(at)]);
        const file = path.join(SOURCE_ROOT, 'src', 'app', `mutant-${i}.${c.ext}`);
        fs.writeFileSync(file, bytes);
        const got = readSource(file);
        const hasNul = bytes.includes(0);
        const valid = !hasNul && Buffer.from(bytes.toString('utf8')).equals(bytes);
        if ('skip' in got) {
          skipped++;
          if (valid) problems.push(`${label}: valid UTF-8 text skipped: ${got.skip}`);
          if (hasNul && !/binary/.test(got.skip)) problems.push(`${label}: NUL byte but skip reason ${got.skip}`);
        } else {
          read++;
          if (!valid) problems.push(`${label}: invalid bytes were read as text`);
          const { problem } = runSafely(label, file, got.text);
          if (problem) problems.push(problem);
        }
        // The transforms themselves must also survive the bytes decoded any which way.
        for (const encoding of ['latin1', 'utf8'] as const) {
          const { problem } = runSafely(`${label} (${encoding})`, file, bytes.toString(encoding));
          if (problem) problems.push(problem);
        }
      }
    });
    expect(problems).toEqual([]);
    expect(skipped).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it('a 10 MB file is skipped with its size; let through by a higher cap, it ends in a timeout, not a hang', async () => {
    const file = path.join(SOURCE_ROOT, 'src', 'app', 'mutant-10mb.ts');
    const header = `import { ExecutionEngine } from '../agents/execution_engine_consolidated';\nexport const e = new ExecutionEngine({});\n`;
    const row = 'void [1, 2, 3, "padding padding padding padding padding"];\n';
    fs.writeFileSync(file, header + row.repeat(Math.ceil(10_000_000 / row.length)));
    const after = path.join(SOURCE_ROOT, 'src', 'app', 'mutant-after.ts');
    fs.writeFileSync(after, header);
    const before = fs.readFileSync(file);

    const capped = await new FileRunner(registry, { transforms: TRANSFORM_ORDER, workers: 0 }).run([file, after]);
    expect(capped[0]).toEqual({ file, skip: 'too large to be source: 9.5 MiB, over the 2.0 MiB limit' });
    expect(capped[1].result?.status).toBe('changed');

    const uncapped = await new FileRunner(registry, {
      transforms: TRANSFORM_ORDER, workers: 0, maxBytes: 16 * 1024 * 1024, fileTimeoutMs: 50,
    }).run([file, after]);
    expect(uncapped[0].result?.findings.map((f) => f.kind)).toEqual(['timeout']);
    expect(uncapped[1].result?.status).toBe('changed');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    fs.rmSync(file);
    fs.rmSync(after);
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. Strings that look like code.

describe('a registry whose strings look like code', () => {
  const polluted = (): unknown => (({}) as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).polluted;

  const hostile: [string, string][] = [
    ['code in from', JSON.stringify({ symbols: [{ name: 'AgentError', from: "require('child_process').execSync('touch PWNED')" }] })],
    ['code in to', JSON.stringify({ modules: [{ from: 'src/agents/agent_errors', to: "$(touch PWNED)`touch PWNED`" }] })],
    ['template in name', JSON.stringify({ symbols: [{ name: '${process.mainModule.require("fs").writeFileSync("PWNED","")}', from: 'src/errors' }] })],
    ['constructor name', JSON.stringify({ symbols: [{ name: 'constructor', from: 'src/errors' }] })],
    ['__proto__ at top', '{"__proto__": {"polluted": "yes"}, "symbols": []}'],
    ['__proto__ in symbol', '{"symbols": [{"name": "AgentError", "from": "src/errors", "__proto__": {"polluted": "yes"}}]}'],
    ['constructor.prototype', '{"constructor": {"prototype": {"polluted": "yes"}}, "symbols": []}'],
    ['__proto__ as names', JSON.stringify({ symbols: [{ name: '__proto__', from: 'src/weird', legacy: [{ name: 'constructor', from: 'src/weird_legacy' }] }] })],
    ['prototype-ish names that exist', JSON.stringify({ symbols: [{ name: 'constructor', from: 'src/weird', legacy: [{ name: '__proto__', from: 'src/weird_legacy' }, { name: 'hasOwnProperty', from: 'src/weird_legacy' }] }] })],
  ];

  it.each(hostile)('%s: rejected or loaded as data; runs nothing, pollutes nothing', (label, text) => {
    const root = projectCopy();
    fs.writeFileSync(path.join(root, 'src', 'weird.ts'), 'const a = 1;\nexport { a as constructor, a as __proto__, a as toString };\n');
    fs.writeFileSync(path.join(root, 'src', 'weird_legacy.ts'), 'const b = 1;\nexport { b as constructor, b as __proto__, b as hasOwnProperty };\n');
    const configPath = path.join(root, 'ssot.config.json');
    fs.writeFileSync(configPath, text);
    let loaded: Registry | undefined;
    try {
      loaded = loadRegistry({ configPath });
    } catch (error) {
      expect([label, error]).toEqual([label, expect.any(RegistryError)]);
      expect((error as Error).message.startsWith(`${configPath}: $`)).toBe(true);
    }
    if (loaded) {
      // Loaded as data: the names are plain strings, looked up in Maps, not objects' prototypes.
      const names = loaded.symbols.flatMap((s) => [s.name, ...s.legacy.map((l) => l.name)]);
      expect(names.every((n) => typeof n === 'string')).toBe(true);
      const consumer = path.join(root, 'src', 'app', 'consumer.ts');
      const source = `import { __proto__ as P, hasOwnProperty as H } from '../weird_legacy';\nexport const x = [P, H];\n`;
      const result = transformFile({ path: consumer, source, registry: loaded, transforms: selectTransforms() });
      expect(['changed', 'unchanged', 'failed']).toContain(result.status);
      if (result.output !== undefined) expect(() => parseSource(result.output!, consumer)).not.toThrow();
    }
    const run = cli(root, 'check');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect([0, 1, 2]).toContain(run.status);
    expect(polluted()).toBeUndefined();
    for (const dir of [root, path.join(root, 'src'), process.cwd()]) expect(fs.existsSync(path.join(dir, 'PWNED'))).toBe(false);
  });

  it('"prototype-ish names that exist" really loads, so the loaded-as-data branch above is exercised', () => {
    const root = projectCopy();
    fs.writeFileSync(path.join(root, 'src', 'weird.ts'), 'const a = 1;\nexport { a as constructor };\n');
    fs.writeFileSync(path.join(root, 'src', 'weird_legacy.ts'), 'const b = 1;\nexport { b as __proto__, b as hasOwnProperty };\n');
    const configPath = path.join(root, 'ssot.config.json');
    fs.writeFileSync(configPath, hostile.find(([l]) => l === 'prototype-ish names that exist')![1]);
    const loaded = loadRegistry({ configPath });
    expect(loaded.symbols.map((s) => s.name)).toEqual(['constructor']);
    expect(loaded.symbols[0].legacy.map((l) => l.name)).toEqual(['__proto__', 'hasOwnProperty']);
    // And is used as data: the legacy imports named like Object.prototype members are repointed.
    const consumer = path.join(root, 'src', 'app', 'consumer.ts');
    const source = `import { __proto__ as P, hasOwnProperty as H } from '../weird_legacy';\nexport const x = [P, H];\n`;
    const result = transformFile({ path: consumer, source, registry: loaded, transforms: selectTransforms() });
    expect(result.status).toBe('changed');
    expect(result.output).toMatch(/import \{[^}]*\bconstructor\b[^}]*\} from '\.\.\/weird';/);
    expect(result.output).not.toMatch(/weird_legacy/);
    expect(polluted()).toBeUndefined();
  });
});
