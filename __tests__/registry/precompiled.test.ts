/**
 * The build compiles the registry's schema ahead of time (dist/src/registry/registry-validator.js), so that
 * no command loads Ajv: it must judge every registry exactly as Ajv compiling the schema at run time does.
 */
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { AJV_OPTIONS, PRECOMPILED_VALIDATOR, REGISTRY_SCHEMA } from '../../src/registry/schema';

const precompiled = require(path.join(__dirname, '..', '..', 'dist', 'src', 'registry', PRECOMPILED_VALIDATOR)) as ValidateFunction;
const atRunTime = new Ajv(AJV_OPTIONS).compile(REGISTRY_SCHEMA);

const REGISTRIES: unknown[] = [
  {},
  { $schema: './s.json', include: ['src/**/*.ts'], exclude: [], tsconfig: 'tsconfig.json' },
  { symbols: [{ name: 'A', from: 'src/a', legacy: [{ name: 'B', from: 'src/b', construct: { factory: 'make', from: 'src/f', minArgs: 1 } }] }] },
  { symbol: [] },
  { include: [] },
  { include: 'src' },
  { tsconfig: 3 },
  { modules: [{ from: 'a' }] },
  { symbols: [{ name: '', from: 'src/a' }] },
  { symbols: [{ name: 'A', from: 'src/a', legacy: [{ nmae: 'B', from: 'src/b' }] }] },
  { symbols: [{ name: 'A', from: 'src/a', legacy: [{ name: 'B', from: 'src/b', construct: { factory: 'f', from: 'g', minArgs: -1 } }] }] },
  [],
  null,
];

it.each(REGISTRIES.map((r) => [JSON.stringify(r), r]))('judges %s as Ajv does at run time', (_, registry) => {
  expect(precompiled(registry)).toBe(atRunTime(registry));
  expect(precompiled.errors ?? null).toEqual(atRunTime.errors ?? null);
});
