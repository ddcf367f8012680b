/**
 * What the peer scripts (ast-grep, ts-morph) share: the job as a short script written for this registry
 * would see it. Read ssot.config.json, list the files its globs name (node_modules and build output left
 * out), resolve a specifier the simple way (relative paths, tsconfig `paths`, an extension or an `index`
 * file), and know, per legacy module, which names become which canonical names and where they live.
 * Nothing here is ssot-codemod's: the peers must not borrow our engine.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { globSync } = require('tinyglobby');
const { getTsconfig, createPathsMatcher } = require('get-tsconfig');

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts'];
const STRIP = /(\.d)?\.[cm]?[jt]sx?$/;

function loadJob(root) {
  const config = JSON.parse(fs.readFileSync(path.join(root, 'ssot.config.json'), 'utf8'));
  const tsconfig = getTsconfig(root);
  const matchPaths = tsconfig ? createPathsMatcher(tsconfig) : null;
  const isFile = cached((f) => {
    try {
      return fs.statSync(f).isFile();
    } catch {
      return false;
    }
  });
  /** An absolute path (no extension) ➔ the file it names, or null. */
  const probe = (base) => {
    if (isFile(base) && STRIP.test(base)) return base;
    const bare = base.replace(/\.[cm]?js$/, '');
    for (const ext of EXTENSIONS) if (isFile(bare + ext)) return bare + ext;
    for (const ext of EXTENSIONS) if (isFile(path.join(base, 'index' + ext))) return path.join(base, 'index' + ext);
    return null;
  };
  /** A module's key: its file without extension, and without a trailing /index. */
  const keyOfFile = (file) => file.replace(STRIP, '').replace(/\/index$/, '');
  const resolve = (specifier, fromFile) => {
    if (specifier.startsWith('.')) {
      const file = probe(path.resolve(path.dirname(fromFile), specifier));
      return file ? keyOfFile(file) : null;
    }
    for (const candidate of matchPaths ? matchPaths(specifier) : []) {
      const file = probe(candidate);
      if (file) return keyOfFile(file);
    }
    return `pkg:${specifier}`;
  };
  const registryKey = (name) => {
    const file = probe(path.resolve(root, name));
    return file ? keyOfFile(file) : `pkg:${name}`;
  };
  const fileOfKey = new Map();
  const specifierFor = (key, fromFile) => {
    if (key.startsWith('pkg:')) return key.slice(4);
    let rel = path.relative(path.dirname(fromFile), key).split(path.sep).join('/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return rel;
  };

  // legacy module key ➔ { movedTo, names: Map<legacy name, { name, module }>, constructs: Map<name, { factory, module, minArgs }> }
  const legacy = new Map();
  const entry = (key) => {
    if (!legacy.has(key)) legacy.set(key, { key, movedTo: null, names: new Map(), constructs: new Map() });
    return legacy.get(key);
  };
  for (const move of config.modules ?? []) entry(registryKey(move.from)).movedTo = registryKey(move.to);
  const canonical = new Set();
  const canonicalNames = new Map();
  for (const symbol of config.symbols ?? []) {
    const module = registryKey(symbol.from);
    canonical.add(module);
    if (!canonicalNames.has(module)) canonicalNames.set(module, new Set());
    canonicalNames.get(module).add(symbol.name);
    for (const l of symbol.legacy ?? []) {
      const e = entry(registryKey(l.from));
      e.names.set(l.name, { name: symbol.name, module });
      if (l.construct) e.constructs.set(l.name, { factory: l.construct.factory, module: registryKey(l.construct.from), minArgs: l.construct.minArgs ?? 0 });
    }
  }
  for (const e of legacy.values()) if (e.movedTo) canonical.add(e.movedTo);
  // The pre-filter a short script would write: the legacy modules' file (or folder) names.
  const needles = [...new Set([...legacy.keys(), ...canonical].map((key) => (key.startsWith('pkg:') ? key.slice(4) : path.basename(key))))];
  const own = new Set([...legacy.keys(), ...canonical]);
  const files = globSync(config.include ?? ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'], {
    cwd: root,
    absolute: true,
    ignore: [...(config.exclude ?? []), '**/node_modules/**', '**/.git/**', 'dist/**', 'build/**', 'coverage/**'],
  }).sort();
  return {
    root, config, files, needles, legacy, canonicalNames, resolve, specifierFor, fileOfKey,
    /** Whether a file is a legacy or canonical module itself (left alone). */
    isRegistryFile: (file) => own.has(keyOfFile(file)),
    mentions: (text) => needles.some((n) => text.includes(n)),
  };
}

function cached(fn) {
  const memo = new Map();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) memo.set(key, (value = fn(key)));
    return value;
  };
}

/**
 * What to do with one import/export-from: given its specifier and its named specifiers
 * ([{ imported, local }]), the new statement(s) as text, or null to leave it. `kind` is 'import' or
 * 'export'; `typeOnly` keeps `import type`. Names not in the registry stay on the old module.
 */
function rewriteNamed(job, file, specifier, named, { kind, typeOnly, quote, head }) {
  const module = job.resolve(specifier, file);
  const e = module ? job.legacy.get(module) : undefined;
  if (!e) return kind === 'import' ? unalias(job, module, specifier, named, { typeOnly, quote, head }) : null;
  if (e.movedTo) return { repoint: job.specifierFor(e.movedTo, file), renames: [] };
  const stay = [];
  const moved = new Map();
  const renames = [];
  for (const spec of named) {
    const target = e.names.get(spec.imported);
    if (!target) {
      stay.push(spec);
      continue;
    }
    if (!moved.has(target.module)) moved.set(target.module, []);
    // import { Legacy } ➔ import { Canonical } and every reference renamed; an alias keeps its local name.
    if (spec.local === spec.imported && kind === 'import') renames.push([spec.local, target.name]);
    const local = kind === 'import' ? (spec.local === spec.imported ? target.name : spec.local) : spec.local;
    moved.get(target.module).push(local === target.name ? target.name : `${target.name} as ${local}`);
  }
  if (moved.size === 0) return null;
  const statements = [];
  const t = typeOnly ? ' type' : '';
  if (stay.length || head) {
    const names = stay.map((s) => (s.imported === s.local ? s.imported : `${s.imported} as ${s.local}`));
    const clause = [head, names.length ? `{ ${names.join(', ')} }` : ''].filter(Boolean).join(', ');
    statements.push(`${kind}${t} ${clause} from ${quote}${specifier}${quote};`);
  }
  for (const [target, names] of moved) statements.push(`${kind}${t} { ${names.join(', ')} } from ${quote}${job.specifierFor(target, file)}${quote};`);
  return { statements, renames };
}

/** import { Canonical as Alias } ➔ import { Canonical }, the alias's references renamed. */
function unalias(job, module, specifier, named, { typeOnly, quote, head }) {
  const names = job.canonicalNames.get(module);
  if (!names || !named.some((s) => s.local !== s.imported && names.has(s.imported))) return null;
  const renames = [];
  const specs = named.map((s) => {
    if (s.local === s.imported || !names.has(s.imported)) return s.local === s.imported ? s.imported : `${s.imported} as ${s.local}`;
    renames.push([s.local, s.imported]);
    return s.imported;
  });
  const clause = [head, `{ ${specs.join(', ')} }`].filter(Boolean).join(', ');
  return { statements: [`import${typeOnly ? ' type' : ''} ${clause} from ${quote}${specifier}${quote};`], renames };
}

module.exports = { loadJob, rewriteNamed };
