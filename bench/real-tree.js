#!/usr/bin/env node
/**
 * A real codebase for the benchmark, installed offline from npm: TypeORM's TypeScript sources, which its
 * package ships inside its source maps (`sourcesContent`), written back as `src/**` (501 files, 5.8 MB).
 * The job is the one issue 15 measured on TypeORM itself: consolidate the 59 error classes onto their
 * barrel, `src/error` (a folder index; `error` is a common word). Each `export * from "./X"` of
 * `src/error/index.ts` becomes a registry symbol `X` from `src/error`, its legacy home `src/error/X`; the
 * files that import `../error/X` are the ones to migrate.
 *
 *   buildRealTree(dir)  ->  stats          node bench/real-tree.js <dir>
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = path.join(__dirname, '..', 'node_modules', 'typeorm');

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    // browser/ is a second build of the same sources.
    if (entry.isDirectory()) {
      if (entry.name !== 'browser' && entry.name !== 'node_modules') walk(full, out);
    } else if (entry.name.endsWith('.js.map')) out.push(full);
  }
  return out;
}

function buildRealTree(dir) {
  const started = process.hrtime.bigint();
  const written = new Set();
  let bytes = 0;
  for (const map of walk(PACKAGE).sort()) {
    const { sources, sourcesContent, sourceRoot } = JSON.parse(fs.readFileSync(map, 'utf8'));
    sources.forEach((source, i) => {
      const absolute = path.resolve(path.dirname(map), sourceRoot ?? '', source);
      const at = absolute.lastIndexOf(`${path.sep}src${path.sep}`);
      const text = sourcesContent?.[i];
      if (at < 0 || text == null) return;
      const relative = absolute.slice(at + 1);
      if (written.has(relative)) return;
      written.add(relative);
      fs.mkdirSync(path.join(dir, path.dirname(relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), text);
      bytes += Buffer.byteLength(text);
    });
  }
  const barrel = fs.readFileSync(path.join(dir, 'src', 'error', 'index.ts'), 'utf8');
  const names = [...barrel.matchAll(/^export \* from "\.\/(\w+)"/gm)].map((m) => m[1]);
  const registry = {
    include: ['src/**/*.ts'],
    symbols: names.map((name) => ({ name, from: 'src/error', legacy: [{ name, from: `src/error/${name}` }] })),
  };
  fs.writeFileSync(path.join(dir, 'ssot.config.json'), `${JSON.stringify(registry, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: { target: 'es2021', module: 'commonjs', strict: true, experimentalDecorators: true } }, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nbuild/\n');
  const version = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')).version;
  return {
    dir, source: `typeorm@${version} (its sources, from the package's source maps)`, files: written.size, legacyFiles: null,
    errorClasses: names.length, bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

module.exports = { buildRealTree };

if (require.main === module) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/real-tree.js <dir>');
    process.exit(2);
  }
  console.log(JSON.stringify(buildRealTree(path.resolve(dir)), null, 2));
}
