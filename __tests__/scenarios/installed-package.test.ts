/**
 * "Getting started on your own repository" as the README says it, from the package a user installs: this
 * repository packed with `npm pack` (the built dist/ and the schema, as published), installed with
 * `npm install <tarball>` into a copy of the example codebase that has no registry. There: `init` writes a
 * registry whose `$schema` is a file of the installed package, `check` and `apply --dry-run` run from
 * node_modules/.bin, and the jscodeshift path the README gives exists and runs (jscodeshift itself is this
 * repository's; a user's project installs its own).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { cliEnv, EXAMPLE, REPO } from '../helpers/cli';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const JSCODESHIFT = require.resolve('jscodeshift/bin/jscodeshift.js');
/** The path the README gives, relative to the project. */
const README_TRANSFORM = 'node_modules/ssot-codemods/dist/transforms/direct-instantiation.js';

let project: string;

beforeAll(() => {
  const packs = makeTempDir('ssot-pack-');
  // --ignore-scripts: `npm test` has just built dist/; `prepare` would build it again.
  const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').pop()!;
  project = path.join(makeTempDir('ssot-installed-'), 'project');
  fs.cpSync(EXAMPLE, project, { recursive: true });
  fs.rmSync(path.join(project, 'ssot.config.json'));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error', path.join(packs, tarball)], { cwd: project, encoding: 'utf8' });
}, 120_000);

const bin = (...args: string[]) => spawnSync(path.join(project, 'node_modules', '.bin', 'ssot-codemod'), args, { cwd: project, encoding: 'utf8', env: cliEnv() });

describe('the installed package', () => {
  it('holds the built CLI, transforms and schema, and none of the sources or tests', () => {
    const installed = path.join(project, 'node_modules', 'ssot-codemods');
    expect(fs.readdirSync(installed).sort()).toEqual(['README.md', 'dist', 'package.json', 'schema']);
    expect(fs.existsSync(path.join(installed, 'dist', 'src', 'registry', 'registry-validator.js'))).toBe(true);
    expect(fs.existsSync(path.join(project, README_TRANSFORM))).toBe(true);
  });

  it('init writes a registry whose $schema is the installed schema; check and apply --dry-run run with it', () => {
    const init = bin('init');
    expect(init.status).toBe(0);
    const config = parseJsonc(fs.readFileSync(path.join(project, 'ssot.config.json'), 'utf8'));
    const schema = path.resolve(project, config.$schema);
    expect(schema).toBe(path.join(project, 'node_modules', 'ssot-codemods', 'schema', 'ssot.config.schema.json'));
    expect(JSON.parse(fs.readFileSync(schema, 'utf8')).title).toMatch(/ssot-codemod registry/);

    const check = bin('check', '--format', 'json');
    expect(check.stderr).toBe('');
    expect(JSON.parse(check.stdout).total).toBeGreaterThan(0);
    const dry = bin('apply', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^diff --git a\/src\/main\.ts b\/src\/main\.ts$/m);
    expect(bin('--version').stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });

  it('runs a transform through jscodeshift at the path the README gives, and resolves it by package name', () => {
    fs.copyFileSync(path.join(EXAMPLE, 'ssot.config.json'), path.join(project, 'jscodeshift.config.json'));
    const file = path.join(project, 'src', 'services', 'engine_pool.ts');
    const before = fs.readFileSync(file, 'utf8');
    expect(before).toMatch(/new PooledEngine\(context\)/);
    const run = spawnSync(process.execPath, [JSCODESHIFT, '--no-babel', '-t', README_TRANSFORM, '--config=jscodeshift.config.json', '--extensions=ts', 'src/services'], { cwd: project, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const after = fs.readFileSync(file, 'utf8');
    expect(after).not.toBe(before);
    expect(after).toMatch(/engine = createUserExecutionEngine\(context\)/);
    const resolved = spawnSync(process.execPath, ['-p', "require.resolve('ssot-codemods/transforms/direct-instantiation')"], { cwd: project, encoding: 'utf8' });
    expect(resolved.stdout.trim()).toBe(path.join(project, README_TRANSFORM));
  });
});
