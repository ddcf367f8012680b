#!/usr/bin/env node
/**
 * A seeded generator of app-shaped source trees for the benchmark.
 *
 *   generateTree(dir, { files, legacyShare, seed })  ->  stats
 *   node bench/generate.js <dir> <files> <share> [seed]      (share: 0.05, 5 or 5%)
 *
 * The tree: the registry's own modules, copied from examples/netra-engine (src/agents, src/core,
 * ssot.config.json, tsconfig.json with its `@app/*` alias), then `files` generated modules under
 * src/features/<feature>/<folder>[/<nested>]/… — mostly .ts, some .tsx (JSX), some .js (ES modules and
 * CommonJS), 1–5 KB each: license headers and doc comments, imports of sibling generated modules through
 * relative and `@app/*` specifiers, interfaces, types, enums, functions, classes, React components.
 * A `legacyShare` of them also reach the registry in the legacy ways the transforms migrate (consolidated
 * stub, `new ExecutionEngine(ctx)`, canonical aliases, the legacy adapter, `export … from`, the moved
 * unified factory, `require` destructuring in .js …); a small share of the others import the canonical
 * modules the canonical way. Same arguments, same tree, byte for byte (mulberry32).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const EXAMPLE = path.join(__dirname, '..', 'examples', 'netra-engine');

// ------------------------------------------------------------------------------------------------------
// Seeded randomness.

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted(entries) {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    return entries[entries.length - 1][0];
  }
  shuffle(items) {
    const a = [...items];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
}

// ------------------------------------------------------------------------------------------------------
// Vocabulary. Nothing here may contain a registry module's base name (`execution_engine`…): the files
// that mention one are exactly the ones the pre-filter lets through.

const NOUNS = [
  'order', 'invoice', 'customer', 'account', 'payment', 'report', 'session', 'ticket', 'product', 'cart',
  'shipment', 'member', 'team', 'project', 'task', 'comment', 'message', 'notification', 'audit', 'metric',
  'dashboard', 'widget', 'profile', 'setting', 'token', 'policy', 'rule', 'schedule', 'job', 'queue', 'event',
  'subscription', 'plan', 'coupon', 'address', 'review', 'rating', 'tag', 'category', 'asset', 'upload',
  'document', 'folder', 'workspace', 'role', 'permission', 'webhook', 'integration', 'vendor', 'contract',
  'quote', 'lead', 'campaign', 'segment', 'experiment', 'flag', 'release', 'build', 'deployment', 'incident',
  'alert', 'ledger', 'refund', 'warehouse', 'carrier', 'survey', 'channel', 'thread', 'invite', 'billing',
];
const QUALIFIERS = ['', '', '', 'line', 'item', 'group', 'summary', 'draft', 'batch', 'entry', 'note', 'history'];
const FOLDERS = [
  ['components', 5], ['services', 4], ['hooks', 2], ['utils', 3], ['models', 3], ['api', 3], ['store', 2],
  ['views', 2], ['helpers', 2], ['adapters', 1], ['validators', 1], ['selectors', 1],
];
const FIELDS = [
  ['name', 'string'], ['title', 'string'], ['description', 'string | null'], ['createdAt', 'Date'],
  ['updatedAt', 'Date'], ['ownerId', 'string'], ['amount', 'number'], ['currency', "'USD' | 'EUR' | 'GBP'"],
  ['tags', 'readonly string[]'], ['metadata', 'Record<string, unknown>'], ['priority', 'number'],
  ['archived', 'boolean'], ['version', 'number'], ['email', 'string'], ['parentId', 'string | undefined'],
];
const STATUSES = ['draft', 'active', 'pending', 'archived', 'failed', 'completed', 'cancelled', 'review'];
const VERBS = ['load', 'fetch', 'save', 'update', 'remove', 'list', 'find', 'validate', 'normalize', 'compute', 'resolve', 'sync', 'merge', 'track', 'apply', 'sanitize', 'serialize'];

const camel = (words) => words.filter(Boolean).map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join('');
const pascal = (words) => words.filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
const upper = (words) => words.filter(Boolean).map((w) => w.toUpperCase()).join('_');
const snake = (words) => words.filter(Boolean).join('_');
const kebab = (words) => words.filter(Boolean).join('-');
const plural = (word) => (/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`);

// ------------------------------------------------------------------------------------------------------
// The registry's modules (paths as in ssot.config.json, relative to the tree's root).

const REG = {
  consolidated: 'src/agents/execution_engine_consolidated',
  canonical: 'src/agents/supervisor/user_execution_engine',
  factory: 'src/agents/supervisor/execution_engine_factory',
  adapter: 'src/agents/execution_engine_legacy_adapter',
  unified: 'src/agents/execution_engine_unified_factory',
  redirect: 'src/agents/execution_engine',
  coreFactory: 'src/core/managers/execution_engine_factory',
};

// ------------------------------------------------------------------------------------------------------
// The plan: every generated module, where it is and what it exports, before any text is written.

function planModules(rng, count) {
  const featureCount = Math.max(3, Math.round(count / 200));
  const features = [];
  const usedFeatureNames = new Set();
  for (let f = 0; f < featureCount; f++) {
    let name = plural(rng.pick(NOUNS));
    if (usedFeatureNames.has(name)) name = `${rng.pick(NOUNS)}-${name}`;
    for (let i = 2; usedFeatureNames.has(name); i++) name = `${name.replace(/-\d+$/, '')}-${i}`;
    usedFeatureNames.add(name);
    const style = rng.chance(0.3) ? 'snake' : rng.chance(0.15) ? 'kebab' : 'camel';
    const folders = [];
    for (const [folder] of rng.shuffle(FOLDERS).slice(0, rng.int(4, 8))) {
      folders.push(`src/features/${name}/${folder}`);
      if (rng.chance(0.3)) folders.push(`src/features/${name}/${folder}/${rng.pick(NOUNS)}`);
    }
    features.push({ name, style, folders });
  }
  const folderWeights = features.flatMap((feature, index) => feature.folders.map((folder) => [[index, folder], 1 + rng.next() * 3]));
  const taken = new Set();
  const modules = [];
  for (let i = 0; i < count; i++) {
    const [featureIndex, folder] = rng.weighted(folderWeights);
    const feature = features[featureIndex];
    const kind = path.posix.basename(folder.split('/').slice(0, 4).join('/'));
    const words = [rng.pick(NOUNS), rng.pick(QUALIFIERS)];
    const lang = languageFor(rng, kind);
    const cjs = lang === 'js' && rng.chance(0.5);
    const suffix = { components: 'card', views: 'view', services: 'service', hooks: '', utils: 'utils', helpers: 'helpers', api: 'api', store: 'store', models: '', adapters: 'adapter', validators: 'validator', selectors: 'selectors' }[kind];
    const nameWords = kind === 'hooks' ? ['use', ...words] : [...words, suffix];
    const stem = feature.style === 'snake' ? snake(nameWords) : feature.style === 'kebab' ? kebab(nameWords) : camel(nameWords);
    let file = `${folder}/${stem}.${lang}`;
    for (let n = 2; taken.has(file); n++) file = `${folder}/${stem}${feature.style === 'camel' ? '' : '_'}${n}.${lang}`;
    taken.add(file);
    const P = pascal(words);
    const exports = { values: [], types: [] };
    if (lang === 'tsx') {
      exports.values.push(`${P}Card`, `use${P}`);
      exports.types.push(`${P}CardProps`);
    } else if (lang === 'ts') {
      exports.values.push(`load${P}`, `format${P}`, `${P}Service`, `${upper(words)}_LIMIT`);
      exports.types.push(`${P}Record`, `${P}Status`);
    } else {
      exports.values.push(`load${P}`, `format${P}`, `${P}Store`);
    }
    modules.push({ index: i, file, featureIndex, lang, cjs, words, exports });
  }
  return modules;
}

function languageFor(rng, kind) {
  if (kind === 'components' || kind === 'views') return rng.weighted([['tsx', 80], ['ts', 8], ['js', 12]]);
  if (kind === 'hooks') return rng.weighted([['ts', 60], ['tsx', 25], ['js', 15]]);
  return rng.weighted([['ts', 84], ['js', 16]]);
}

// ------------------------------------------------------------------------------------------------------
// One file.

const RESERVED = new Set(['React', 'useState', 'useEffect', 'useMemo', 'JSX', 'Date', 'Map', 'Set', 'Promise', 'Error', 'String', 'Number', 'Object', 'Array', 'JSON', 'Record']);

class FileBuilder {
  constructor(rng, module, all, features) {
    this.rng = rng;
    this.module = module;
    this.all = all;
    this.features = features;
    this.lang = module.lang;
    this.ts = module.lang !== 'js';
    this.cjs = module.cjs;
    this.dir = path.posix.dirname(module.file);
    this.q = rng.chance(0.2) ? '"' : "'";
    this.esmExtension = this.ts && rng.chance(0.08);
    this.aliasShare = rng.pick([0.2, 0.5, 0.8]);
    this.names = new Set(RESERVED);
    this.imports = [];
    this.reexports = [];
    this.blocks = [];
    this.tail = [];
    this.exportedLater = [];
    this.words = module.words;
    this.phrase = module.words.filter(Boolean).join(' ');
    this.P = pascal(module.words);
    this.c = camel(module.words);
    this.U = upper(module.words);
    this.importedValues = [];
    this.importedTypes = [];
  }

  /** A fresh top-level name: `name`, else `name2`, `name3`… */
  claim(name) {
    let n = name;
    for (let i = 2; this.names.has(n); i++) n = `${name}${i}`;
    this.names.add(n);
    return n;
  }

  free(...names) {
    return names.every((n) => !this.names.has(n));
  }

  str(text) {
    return `${this.q}${text}${this.q}`;
  }

  /** How this file writes a specifier to `target` (a module path relative to the root, no extension). */
  spec(target, { preferAlias } = {}) {
    const sameFeature = target.split('/').slice(0, 3).join('/') === this.dir.split('/').slice(0, 3).join('/');
    const alias = preferAlias ?? (!sameFeature && this.rng.chance(this.aliasShare));
    let specifier;
    if (alias) specifier = `@app/${target.slice('src/'.length)}`;
    else {
      specifier = path.posix.relative(this.dir, target);
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
    }
    return this.esmExtension ? `${specifier}.js` : specifier;
  }

  /** A specifier to a registry module: relative or through the `@app/*` alias, about half and half. */
  regSpec(target) {
    return this.spec(target, { preferAlias: this.rng.chance(0.45) });
  }

  build() {
    const { rng } = this;
    const target = Math.round(1000 + 4000 * Math.pow(rng.next(), 1.6));
    this.libraryImports();
    this.mainBlocks();
    this.siblingImports();
    if (this.module.legacy) this.legacyPatterns();
    else if (this.module.canonical) this.canonicalPattern();
    // Grow to the file's size with more of the same kind of code.
    let guard = 0;
    while (this.estimate() < target && guard++ < 40) this.fillerBlock();
    return this.render();
  }

  estimate() {
    return [...this.imports, ...this.blocks, ...this.tail].reduce((sum, b) => sum + b.length + 1, 200);
  }

  render() {
    const { rng } = this;
    const parts = [];
    if (this.cjs && rng.chance(0.6)) parts.push(`${this.str('use strict')};`);
    if (rng.chance(0.25)) {
      parts.push(`/*\n * Copyright (c) ${rng.int(2017, 2025)} Acme Platform Inc. All rights reserved.\n * SPDX-License-Identifier: ${rng.pick(['MIT', 'Apache-2.0', 'UNLICENSED'])}\n */`);
    }
    if (rng.chance(0.5)) parts.push(`// ${this.P}: ${rng.pick(['data access', 'view helpers', 'state and selectors', 'formatting', 'API client', 'domain rules'])} for the ${this.features[this.module.featureIndex].name} feature.`);
    if (this.imports.length) parts.push(this.imports.join('\n'));
    if (this.reexports.length) parts.push(this.reexports.join('\n'));
    const body = [...this.blocks, ...this.tail];
    let text = `${parts.join('\n')}\n\n${body.join('\n\n')}\n`;
    if (this.cjs && this.exportedLater.length) text += `\nmodule.exports = {\n${this.exportedLater.map((n) => `  ${n},`).join('\n')}\n};\n`;
    if (rng.chance(0.02)) text = text.replace(/\n/g, '\r\n');
    return text;
  }

  /** `import`/`require` of 1–5 sibling generated modules, with names they really export. */
  siblingImports() {
    const { rng, module, all } = this;
    const count = rng.int(1, 5);
    const seen = new Set();
    for (let k = 0; k < count * 3 && seen.size < count; k++) {
      let other;
      if (rng.chance(0.6)) {
        const start = Math.max(0, module.index - 400);
        other = all[rng.int(start, Math.min(all.length - 1, module.index + 400))];
        if (other.featureIndex !== module.featureIndex && rng.chance(0.7)) continue;
      } else other = all[rng.int(0, all.length - 1)];
      if (!other || other === module || seen.has(other) || (other.lang === 'tsx' && this.lang !== 'tsx')) continue;
      seen.add(other);
      const valueNames = rng.shuffle(other.exports.values).slice(0, rng.int(1, 2));
      const typeNames = this.ts && other.exports.types.length && rng.chance(0.6) ? [rng.pick(other.exports.types)] : [];
      const target = other.file.replace(/\.[jt]sx?$/, '');
      const specifier = this.str(this.spec(target));
      const bind = (name) => {
        const local = this.claim(name);
        return { name, local };
      };
      const values = valueNames.map(bind);
      const types = typeNames.map(bind);
      this.importedValues.push(...values.map((v) => v.local));
      this.importedTypes.push(...types.map((t) => t.local));
      if (this.cjs) {
        const fields = values.map((v) => (v.local === v.name ? v.name : `${v.name}: ${v.local}`));
        this.imports.push(`const { ${fields.join(', ')} } = require(${specifier});`);
        continue;
      }
      const named = (v) => (v.local === v.name ? v.name : `${v.name} as ${v.local}`);
      if (types.length && rng.chance(0.5)) {
        this.imports.push(`import { ${values.map(named).join(', ')} } from ${specifier};`);
        this.imports.push(`import type { ${types.map(named).join(', ')} } from ${specifier};`);
      } else {
        const all = [...values.map(named), ...types.map((t) => `type ${named(t)}`)];
        this.imports.push(all.length > 2 && rng.chance(0.4)
          ? `import {\n${all.map((n) => `  ${n},`).join('\n')}\n} from ${specifier};`
          : `import { ${all.join(', ')} } from ${specifier};`);
      }
    }
  }

  /** React in .tsx files; now and then a Node built-in elsewhere. */
  libraryImports() {
    const { rng } = this;
    if (this.lang === 'tsx') {
      this.imports.push(rng.chance(0.5) ? `import * as React from ${this.str('react')};` : `import React, { useEffect, useMemo, useState } from ${this.str('react')};`);
    } else if (rng.chance(0.15)) {
      const [name, from] = rng.pick([['path', 'node:path'], ['crypto', 'node:crypto'], ['EventEmitter', 'node:events']]);
      this.claim(name);
      if (this.cjs) this.imports.push(name === 'EventEmitter' ? `const { EventEmitter } = require(${this.str(from)});` : `const ${name} = require(${this.str(from)});`);
      else this.imports.push(name === 'EventEmitter' ? `import { EventEmitter } from ${this.str(from)};` : `import * as ${name} from ${this.str(from)};`);
    }
  }

  exportKw() {
    return this.cjs ? '' : 'export ';
  }

  declare(name, exported = true) {
    const local = this.claim(name);
    if (exported && this.cjs) this.exportedLater.push(local);
    return local;
  }

  /** The module's planned exports, so that its importers find them. */
  mainBlocks() {
    if (this.lang === 'tsx') {
      const props = this.declare(`${this.P}CardProps`);
      this.blocks.push(this.propsInterface(props));
      this.blocks.push(this.hookBlock(this.declare(`use${this.P}`)));
      this.blocks.push(this.componentBlock(this.declare(`${this.P}Card`), props));
      return;
    }
    if (this.lang === 'ts') {
      const status = this.declare(`${this.P}Status`);
      const record = this.declare(`${this.P}Record`);
      this.blocks.push(`/** Where a ${this.phrase} is in its life cycle. */\nexport type ${status} = ${this.rng.shuffle(STATUSES).slice(0, this.rng.int(2, 4)).map((s) => `'${s}'`).join(' | ')};`);
      this.blocks.push(this.interfaceBlock(record, status));
      this.blocks.push(`/** Page size of ${this.phrase} listings. */\nexport const ${this.declare(`${this.U}_LIMIT`)} = ${this.rng.pick([20, 25, 50, 100, 200])};`);
      this.blocks.push(this.formatBlock(this.declare(`format${this.P}`), record));
      this.blocks.push(this.loadBlock(this.declare(`load${this.P}`), record));
      this.blocks.push(this.classBlock(this.declare(`${this.P}Service`), record));
      return;
    }
    this.blocks.push(this.formatBlock(this.declare(`format${this.P}`)));
    this.blocks.push(this.loadBlock(this.declare(`load${this.P}`)));
    this.blocks.push(this.classBlock(this.declare(`${this.P}Store`)));
  }

  fillerBlock() {
    const { rng } = this;
    const options = this.ts
      ? [['format', 3], ['load', 2], ['class', 2], ['arrow', 3], ['enum', 1], ['config', 2], ['uses', 3], ['interface', 2], ['switch', 2]]
      : [['format', 3], ['load', 2], ['class', 2], ['arrow', 3], ['config', 2], ['uses', 3], ['switch', 2]];
    if (this.lang === 'tsx') options.push(['component', 4], ['hook', 2]);
    const kind = rng.weighted(options);
    const w = rng.pick(VERBS);
    const P = this.P;
    const exported = rng.chance(0.6);
    switch (kind) {
      case 'format': return this.blocks.push(this.formatBlock(this.declare(`${w}${P}`, exported), this.ts ? `${P}Record` : undefined, exported));
      case 'load': return this.blocks.push(this.loadBlock(this.declare(plural(`${w}${P}`), exported), this.ts ? `${P}Record` : undefined, exported));
      case 'class': return this.blocks.push(this.classBlock(this.declare(`${P}${rng.pick(['Cache', 'Repository', 'Client', 'Tracker', 'Manager', 'Queue'])}`, exported), this.ts ? `${P}Record` : undefined, exported));
      case 'arrow': return this.blocks.push(this.arrowBlock(this.declare(`${rng.pick(['sort', 'group', 'pick', 'dedupe', 'chunk', 'index'])}${plural(P)}`, exported), exported));
      case 'enum': return this.blocks.push(this.enumBlock(this.declare(`${P}${rng.pick(['Kind', 'Mode', 'Level', 'Source'])}`)));
      case 'config': return this.blocks.push(this.configBlock(this.declare(`${this.c}${rng.pick(['Defaults', 'Config', 'Options', 'Limits'])}`, exported), exported));
      case 'uses': return this.blocks.push(this.usesBlock(this.declare(`create${P}${rng.pick(['Module', 'Context', 'Bindings', 'Wiring'])}`, exported), exported));
      case 'interface': return this.blocks.push(this.interfaceBlock(this.declare(`${P}${rng.pick(['Filter', 'Query', 'Patch', 'Snapshot', 'Event'])}`), undefined));
      case 'switch': return this.blocks.push(this.switchBlock(this.declare(`describe${P}${rng.pick(['State', 'Change', 'Outcome'])}`, exported), exported));
      case 'component': return this.blocks.push(this.componentBlock(this.declare(`${P}${rng.pick(['List', 'Row', 'Badge', 'Panel', 'Header', 'Empty'])}`), `${P}CardProps`));
      case 'hook': return this.blocks.push(this.hookBlock(this.declare(`use${P}${rng.pick(['Filter', 'Selection', 'Pagination', 'Sort'])}`)));
    }
  }

  // ---- code blocks -----------------------------------------------------------------------------------

  t(annotation) {
    return this.ts ? annotation : '';
  }

  interfaceBlock(name, status) {
    const fields = this.rng.shuffle(FIELDS).slice(0, this.rng.int(3, 7));
    const lines = ['  readonly id: string;', ...fields.map(([f, type]) => `  ${f}${this.rng.chance(0.2) ? '?' : ''}: ${type};`)];
    if (status) lines.push(`  status: ${status};`);
    if (this.importedTypes.length && this.rng.chance(0.5)) lines.push(`  related?: ${this.rng.pick(this.importedTypes)}[];`);
    return `/** A ${this.phrase} as the API returns it. */\nexport interface ${name} {\n${lines.join('\n')}\n}`;
  }

  formatBlock(name, record, exported = true) {
    const r = this.rng;
    const param = this.ts ? `item: ${record ?? `${this.P}Record`}` : 'item';
    const doc = this.ts ? `/** A one-line label for a ${this.phrase}, for lists and logs. */` : `/**\n * A one-line label for a ${this.phrase}, for lists and logs.\n * @param {{ id: string, name?: string }} item\n * @returns {string}\n */`;
    const body = r.pick([
      `  const label = item.name ?? item.id;\n  return \`${'${'}label} (#${'${'}item.id.slice(0, 8)})\`;`,
      `  if (!item) return '';\n  const parts = [item.id, String(item.name ?? '')].filter(Boolean);\n  return parts.join(' · ');`,
      `  const created = item.createdAt instanceof Date ? item.createdAt.toISOString().slice(0, 10) : 'unknown';\n  // Trimmed so that long names do not break table layouts.\n  const title = String(item.title ?? item.name ?? item.id).trim().slice(0, ${r.int(24, 80)});\n  return \`${'${'}title} — ${'${'}created}\`;`,
    ]);
    return `${doc}\n${exported ? this.exportKw() : ''}function ${name}(${param})${this.t(': string')} {\n${body}\n}`;
  }

  loadBlock(name, record, exported = true) {
    const r = this.rng;
    const ret = this.ts ? `: Promise<${record ?? `${this.P}Record`}[]>` : '';
    const endpoint = `/api/${plural(kebab(this.words))}`;
    const retries = r.int(1, 4);
    return `/** Loads ${plural(this.phrase)} page by page; retries ${retries} time(s) on network errors. */
${exported ? this.exportKw() : ''}async function ${name}(query${this.t(': Record<string, string>')} = {}, signal${this.t('?: AbortSignal')})${ret} {
  const params = new URLSearchParams({ limit: String(${r.pick([20, 50, 100])}), ...query });
  let lastError${this.t(': unknown')};
  for (let attempt = 0; attempt <= ${retries}; attempt++) {
    try {
      const response = await fetch(\`${endpoint}?${'${'}params}\`, { signal });
      if (!response.ok) throw new Error(\`${endpoint} answered ${'${'}response.status}\`);
      const payload = (await response.json())${this.t(` as { items: ${record ?? `${this.P}Record`}[] }`)};
      return payload.items ?? [];
    } catch (error) {
      lastError = error;
      if (signal?.aborted) break;
    }
  }
  throw lastError;
}`;
  }

  classBlock(name, record, exported = true) {
    const r = this.rng;
    const T = this.ts ? (record ?? `${this.P}Record`) : '';
    // Now and then a NestJS-style decorated service (legacy decorators, as such code bases use them).
    let decoratorText = '';
    if (this.ts && r.chance(0.06) && (this.names.has('Injectable') || this.free('Injectable'))) {
      if (!this.names.has('Injectable')) {
        this.claim('Injectable');
        this.imports.push(`import { Injectable } from ${this.str('@nestjs/common')};`);
      }
      decoratorText = '@Injectable()\n';
    }
    const field = this.ts ? `  private readonly entries = new Map<string, ${T}>();\n  private hits = 0;` : `  entries = new Map();\n  hits = 0;`;
    const ctor = this.ts
      ? `  constructor(private readonly ttlMs: number = ${r.pick([1000, 30000, 60000])}, private readonly now: () => number = Date.now) {}`
      : `  constructor(ttlMs = ${r.pick([1000, 30000, 60000])}, now = Date.now) {\n    this.ttlMs = ttlMs;\n    this.now = now;\n  }`;
    return `/** Keeps recently used ${plural(this.phrase)} in memory. */
${decoratorText}${exported ? this.exportKw() : ''}class ${name} {
${field}

${ctor}

  get size()${this.t(': number')} {
    return this.entries.size;
  }

  ${this.ts ? 'public ' : ''}get(id${this.t(': string')})${this.t(`: ${T} | undefined`)} {
    const entry = this.entries.get(id);
    if (entry) this.hits++;
    return entry;
  }

  put(item${this.t(`: ${T}`)})${this.t(': void')} {
    // Last write wins; callers never hold a stale copy for long.
    this.entries.set(item.id, item);
  }

  static empty()${this.t(`: ${name}`)} {
    return new ${name}();
  }
}`;
  }

  arrowBlock(name, exported) {
    const r = this.rng;
    const generic = this.ts ? (this.lang === 'tsx' && r.chance(0.4) ? '<T,>' : '<T extends { id: string }>') : '';
    const items = this.ts ? 'items: readonly T[]' : 'items';
    const body = r.pick([
      `[...items].sort((a, b) => String(a.id).localeCompare(String(b.id)))`,
      `items.filter((item, index) => items.findIndex((other) => other === item) === index)`,
      `items.reduce((acc, item, index) => (index % ${r.int(2, 10)} === 0 ? [...acc, item] : acc), []${this.t(' as T[]')})`,
    ]);
    return `${exported ? this.exportKw() : ''}const ${name} = ${generic}(${items})${this.t(': T[]')} =>\n  ${body};`;
  }

  enumBlock(name) {
    const values = this.rng.shuffle(['Primary', 'Secondary', 'Internal', 'External', 'Manual', 'Automatic', 'Legacy', 'Imported']).slice(0, this.rng.int(2, 5));
    return `export ${this.rng.chance(0.3) ? 'const ' : ''}enum ${name} {\n${values.map((v) => `  ${v} = '${v.toLowerCase()}',`).join('\n')}\n}`;
  }

  configBlock(name, exported) {
    const r = this.rng;
    const entries = [`retries: ${r.int(0, 5)}`, `timeoutMs: ${r.pick([500, 1500, 5000, 30000])}`, `cacheTtlMs: ${r.int(1, 60) * 1000}`, `pageSize: ${r.pick([10, 25, 50])}`, `featureFlag: '${kebab(this.words)}-${r.pick(['v2', 'beta', 'rollout'])}'`];
    const literal = `{\n${r.shuffle(entries).slice(0, r.int(2, 5)).map((e) => `  ${e},`).join('\n')}\n}`;
    const suffix = this.ts ? r.pick([' as const', ' satisfies Record<string, number | string>', '']) : '';
    return `// Defaults can be overridden per tenant.\n${exported ? this.exportKw() : ''}const ${name} = Object.freeze(${literal}${suffix});`;
  }

  usesBlock(name, exported) {
    const values = this.rng.shuffle(this.importedValues).slice(0, 4);
    const types = this.importedTypes.slice(0, 2);
    const typeLine = this.ts && types.length ? `  let last${this.t(`: ${types[0]} | undefined`)};\n` : '';
    const lines = values.length ? values.map((v) => `    ${v},`).join('\n') : '    now: Date.now,';
    return `/** What this module needs from its neighbours, in one place (easier to stub in tests). */
${exported ? this.exportKw() : ''}function ${name}(overrides${this.t(': Partial<Record<string, unknown>>')} = {}) {
${typeLine}  const deps = {
${lines}
    ...overrides,
  };
  return { deps, ${typeLine ? 'get last() {\n      return last;\n    },\n    ' : ''}ready: Object.keys(deps).length > 0 };
}`;
  }

  switchBlock(name, exported) {
    const cases = this.rng.shuffle(STATUSES).slice(0, this.rng.int(2, 4));
    return `${exported ? this.exportKw() : ''}function ${name}(status${this.t(': string')}, count${this.t(': number')} = 0)${this.t(': string')} {
  switch (status) {
${cases.map((s) => `    case '${s}':\n      return count > 1 ? \`${'${'}count} ${s}\` : '${s}';`).join('\n')}
    default:
      // Unknown states come from newer servers; show them as they are.
      return status;
  }
}`;
  }

  propsInterface(name) {
    return `export interface ${name} {\n  id: string;\n  title?: string;\n  selected?: boolean;\n  onSelect?: (id: string) => void;\n  children?: React.ReactNode;\n}`;
  }

  hookBlock(name) {
    const R = this.imports.some((i) => i.includes('useState')) ? '' : 'React.';
    return `/** Local state of a ${this.phrase} view. */
export function ${name}(initial: string[] = []) {
  const [selected, setSelected] = ${R}useState<string[]>(initial);
  const count = ${R}useMemo(() => selected.length, [selected]);
  ${R}useEffect(() => {
    if (count > ${this.rng.int(5, 50)}) setSelected((previous) => previous.slice(-1));
  }, [count]);
  return { selected, setSelected, count } as const;
}`;
  }

  componentBlock(name, props) {
    const r = this.rng;
    const cls = kebab(this.words);
    return `export function ${name}({ id, title, selected = false, onSelect, children }: ${props}): JSX.Element {
  const label = title ?? \`${this.P} ${'${'}id}\`;
  return (
    <div className="${cls}${r.chance(0.5) ? '-card' : ''}" data-selected={selected} onClick={() => onSelect?.(id)}>
      <h3 className="${cls}__title">{label}</h3>
      {children ? <div className="${cls}__body">{children}</div> : <p className="${cls}__empty">Nothing here yet.</p>}
      <>
        {['edit', 'share', 'archive'].slice(0, ${r.int(1, 3)}).map((action) => (
          <button key={action} type="button" disabled={!selected}>
            {action}
          </button>
        ))}
      </>
    </div>
  );
}`;
  }

  // ---- the registry, canonical and legacy -------------------------------------------------------------

  importLine(names, target, { typeOnly = false } = {}) {
    const s = this.str(this.regSpec(target));
    if (this.cjs) {
      const fields = names.map((n) => (typeof n === 'string' ? n : `${n.name}: ${n.local}`));
      return `const { ${fields.join(', ')} } = require(${s});`;
    }
    const parts = names.map((n) => (typeof n === 'string' ? n : n.type ? `type ${n.name}${n.local && n.local !== n.name ? ` as ${n.local}` : ''}` : `${n.name} as ${n.local}`));
    if (parts.length > 2 && this.rng.chance(0.4)) return `import ${typeOnly ? 'type ' : ''}{\n${parts.map((p) => `  ${p},`).join('\n')}\n} from ${s};`;
    return `import ${typeOnly ? 'type ' : ''}{ ${parts.join(', ')} } from ${s};`;
  }

  /** The file's own imports go first or last, or between its sibling imports (a removed first import must keep the header). */
  addImport(line) {
    const at = this.rng.pick([0, this.imports.length, this.rng.int(0, this.imports.length)]);
    this.imports.splice(at, 0, line);
  }

  addBlock(block) {
    this.blocks.splice(this.rng.int(0, this.blocks.length), 0, block);
  }

  /** The context type, imported once (from `from`) when the file needs it. */
  contextType(from) {
    if (!this.ts) return '';
    if (this.names.has('ExecutionContext')) return 'ExecutionContext';
    this.claim('ExecutionContext');
    const s = this.str(this.regSpec(from));
    this.addImport(this.rng.chance(0.5) ? `import type { ExecutionContext } from ${s};` : `import { type ExecutionContext } from ${s};`);
    return 'ExecutionContext';
  }

  canonicalDefaults() {
    const wanted = ['echoAgentFactory', 'silentEmitter'];
    if (wanted.every((n) => this.names.has(n))) return true;
    if (!this.free(...wanted)) return false;
    wanted.forEach((n) => this.claim(n));
    this.addImport(this.importLine(wanted, REG.factory));
    return true;
  }

  legacyPatterns() {
    const { rng } = this;
    const patterns = this.ts || !this.cjs
      ? [['consolidatedNew', 5], ['canonicalAlias', 4], ['adapter', 3], ['exportFrom', 2], ['unified', 3], ['coreFactory', 2], ['redirect', 1], ['consolidatedTypes', 2]]
      : [['requireConsolidated', 5], ['requireAdapter', 3], ['requireUnified', 3], ['requireCoreFactory', 1]];
    const wanted = rng.weighted([[1, 5], [2, 3], [3, 1]]);
    let done = 0;
    for (let attempt = 0; attempt < 12 && done < wanted; attempt++) {
      if (this[`legacy_${rng.weighted(patterns)}`]()) done++;
    }
    if (done === 0) this.legacy_consolidatedNew() || this.legacy_requireConsolidated() || this.legacy_unified();
  }

  legacy_consolidatedNew() {
    if (this.cjs) return false;
    const { rng } = this;
    const local = rng.weighted([['ExecutionEngine', 6], [`${this.P}Engine`, 2], ['LegacyEngine', 2]]);
    if (!this.free(local) || (local !== 'ExecutionEngine' && !this.free('ExecutionEngine'))) return false;
    this.claim(local);
    const names = [local === 'ExecutionEngine' ? 'ExecutionEngine' : { name: 'ExecutionEngine', local }];
    if (this.ts && !this.names.has('ExecutionContext')) {
      this.claim('ExecutionContext');
      names.push({ name: 'ExecutionContext', type: true });
    }
    if (rng.chance(0.15) && this.free('UserExecutionEngine')) names.push(this.claim('UserExecutionEngine'));
    this.addImport(this.importLine(names, REG.consolidated));
    this.addBlock(this.constructionBlock(local));
    if (names.includes('UserExecutionEngine')) {
      const fn = this.claim(`${this.c}EngineUser`);
      this.addBlock(this.ts
        ? `export function ${fn}(engine: UserExecutionEngine): string {\n  return engine.userId;\n}`
        : `export function ${fn}(engine) {\n  return engine instanceof UserExecutionEngine ? engine.userId : '';\n}`);
    }
    return true;
  }

  constructionBlock(E) {
    const { rng } = this;
    const ctxType = this.ts ? (this.names.has('ExecutionContext') ? 'ExecutionContext' : this.contextType(REG.canonical)) : '';
    const variant = rng.weighted([['function', 6], ['noArgs', 1], ['singleton', 1], ['typeOnly', 1], ['arrow', 2]]);
    const fn = this.claim(`run${this.P}Agent`);
    const ann = (text) => (this.ts ? text : '');
    switch (variant) {
      case 'noArgs':
        return `/** Maintenance runs on the shared global context: someone must decide whose context this is. */
${this.exportKw()}async function ${fn}(task${ann(': string')})${ann(': Promise<string>')} {
  const engine = new ${E}();
  const result = await engine.executeAgent('${kebab(this.words)}-maintenance', task);
  return result.output;
}`;
      case 'singleton': {
        const context = this.claim(`${this.U}_CONTEXT`);
        const name = this.claim(`${this.c}Engine`);
        return `const ${context}${ann(`: ${ctxType}`)} = { userId: 'system', runId: '${kebab(this.words)}-background' };\n\n/** One engine for every background job of this module. */\n${this.exportKw()}const ${name} = new ${E}(${context});`;
      }
      case 'typeOnly':
        return this.ts
          ? `export function ${fn}(value: unknown): value is ${E} {\n  // Only a type and an instanceof check: nothing is constructed here.\n  return value instanceof ${E};\n}\n\nexport function ${this.claim(`make${this.P}Engine`)}(context: ${ctxType}): ${E} {\n  return new ${E}(context);\n}`
          : `${this.exportKw()}function ${fn}(value) {\n  return value instanceof ${E};\n}`;
      case 'arrow':
        return `${this.exportKw()}const ${fn} = async (userId${ann(': string')}, task${ann(': string')}) =>\n  (await new ${E}({ userId, runId: \`${kebab(this.words)}-${'${'}Date.now()}\` }).executeAgent('${kebab(this.words)}', task)).output;`;
      default:
        return `/** Runs one agent for the calling user. */
${this.exportKw()}async function ${fn}(userId${ann(': string')}, requestId${ann(': string')}, task${ann(': string')})${ann(': Promise<string>')} {
  const context${ann(`: ${ctxType}`)} = { userId, runId: requestId };
  const engine${this.ts && this.rng.chance(0.4) ? `: ${E}` : ''} = new ${E}(context);
  const result = await engine.executeAgent('${kebab(this.words)}', task);
  if (!result.ok) {
    // Failures are reported, not thrown: the caller decides what the user sees.
    return \`failed: ${'${'}result.output}\`;
  }
  return result.output;
}`;
    }
  }

  legacy_canonicalAlias() {
    if (this.cjs) return false;
    const { rng } = this;
    const alias = rng.pick(['IsolatedExecutionEngine', 'Engine', 'AgentEngine', `${this.P}Engine`, 'RequestScopedEngine']);
    if (!this.free(alias) || !this.free('UserExecutionEngine')) return false;
    this.claim(alias);
    const names = [{ name: 'UserExecutionEngine', local: alias }];
    if (this.ts && !this.names.has('ExecutionContext')) {
      this.claim('ExecutionContext');
      names.push({ name: 'ExecutionContext', type: true });
    }
    this.addImport(this.importLine(names, REG.canonical));
    if (!this.canonicalDefaults()) return true;
    const ann = (text) => (this.ts ? text : '');
    const create = this.claim(`create${this.P}Engine`);
    const blocks = [`/** One engine per request, never shared between users. */
${this.exportKw()}function ${create}(context${ann(': ExecutionContext')})${ann(`: ${alias}`)} {
  return new ${alias}(context, echoAgentFactory, silentEmitter);
}`];
    if (this.ts && rng.chance(0.6)) blocks.push(`export function ${this.claim(`is${this.P}Engine`)}(value: unknown): value is ${alias} {\n  return value instanceof ${alias};\n}`);
    if (this.ts && rng.chance(0.3)) blocks.push(`export type ${this.claim(`${this.P}EngineClass`)} = typeof ${alias};`);
    if (rng.chance(0.3)) blocks.push(`${this.exportKw()}const ${this.claim(`${this.c}Plugins`)} = { ${alias}, ${create} };`);
    if (this.lang === 'tsx' && rng.chance(0.7)) {
      blocks.push(`export function ${this.claim(`${this.P}EngineBadge`)}({ engine }: { engine: ${alias} }): JSX.Element {\n  return <span className="engine-badge">{engine.userId}</span>;\n}`);
    }
    if (!this.cjs && rng.chance(0.1)) this.tail.push(`export { ${alias} };`);
    blocks.forEach((b) => this.addBlock(b));
    return true;
  }

  legacy_adapter() {
    if (this.cjs || !this.free('IsolatedExecutionEngine')) return false;
    const { rng } = this;
    const withUnmapped = rng.chance(0.6) && this.free('adaptLegacyResult', 'LegacyAgentResult');
    this.claim('IsolatedExecutionEngine');
    const names = ['IsolatedExecutionEngine'];
    if (withUnmapped) {
      this.claim('adaptLegacyResult');
      names.push('adaptLegacyResult');
      if (this.ts) {
        this.claim('LegacyAgentResult');
        names.push({ name: 'LegacyAgentResult', type: true });
      }
    }
    this.addImport(this.importLine(names, REG.adapter));
    if (!this.canonicalDefaults()) return true;
    const ann = (text) => (this.ts ? text : '');
    const ret = withUnmapped ? ann(': Promise<LegacyAgentResult>') : ann(': Promise<string>');
    this.addBlock(`/** Runs a job for a WebSocket client of the old protocol. */
${this.exportKw()}async function ${this.claim(`handle${this.P}Message`)}(userId${ann(': string')}, agent${ann(': string')}, task${ann(': string')})${ret} {
  const engine = new IsolatedExecutionEngine({ userId, runId: \`ws-${'${'}userId}\` }, echoAgentFactory, silentEmitter);
  const result = await engine.executeAgent(agent, task);
  return ${withUnmapped ? 'adaptLegacyResult(result)' : 'result.output'};
}`);
    return true;
  }

  legacy_exportFrom() {
    if (this.cjs) return false;
    const { rng } = this;
    const choices = [
      [['createUserExecutionEngine'], REG.consolidated, false],
      [['ExecutionEngineFactory'], REG.coreFactory, false],
      [['createUserExecutionEngine', 'ExecutionEngineFactory'], REG.unified, false],
    ];
    if (this.ts) choices.push([['ExecutionContext'], REG.consolidated, true]);
    const [names, from, typeOnly] = rng.pick(choices);
    if (rng.chance(0.15)) {
      if (this.names.has('*unified')) return false;
      this.names.add('*unified');
      this.reexports.push(`export * from ${this.str(this.regSpec(REG.unified))};`);
      return true;
    }
    if (!this.free(...names)) return false;
    names.forEach((n) => this.claim(n));
    this.reexports.push(`export ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from ${this.str(this.regSpec(from))};`);
    return true;
  }

  legacy_unified() {
    const { rng } = this;
    const variant = rng.weighted([['named', 5], ['lazy', 2], ['sideEffect', 1]]);
    const ann = (text) => (this.ts ? text : '');
    if (variant === 'sideEffect' && !this.cjs) {
      if (this.names.has('*unified-side')) return false;
      this.names.add('*unified-side');
      this.imports.unshift(`import ${this.str(this.regSpec(REG.unified))};`);
      return true;
    }
    if (variant === 'lazy') {
      const ctx = this.ts ? this.contextType(REG.canonical) : '';
      this.addBlock(`/** The factory is loaded on first use only. */
${this.exportKw()}async function ${this.claim(`lazy${this.P}Engine`)}(context${ann(`: ${ctx}`)}) {
  const factory = await import(${this.str(this.regSpec(REG.unified))});
  return factory.createUserExecutionEngine(context);
}`);
      return true;
    }
    if (!this.free('createUserExecutionEngine')) return false;
    this.claim('createUserExecutionEngine');
    const names = ['createUserExecutionEngine'];
    if (this.free('echoAgentFactory')) names.push(this.claim('echoAgentFactory'));
    this.addImport(this.importLine(names, REG.unified));
    const ctx = this.ts ? this.contextType(REG.canonical) : '';
    this.addBlock(`${this.exportKw()}function ${this.claim(`engineFor${this.P}`)}(context${ann(`: ${ctx}`)}) {
  return createUserExecutionEngine(context${names.includes('echoAgentFactory') ? ', echoAgentFactory' : ''});
}`);
    return true;
  }

  legacy_coreFactory() {
    if (this.cjs || !this.free('ExecutionEngineFactory')) return false;
    const unmapped = this.rng.chance(0.5) && this.free('getExecutionEngineFactory');
    this.claim('ExecutionEngineFactory');
    const names = ['ExecutionEngineFactory'];
    if (unmapped) names.push(this.claim('getExecutionEngineFactory'));
    this.addImport(this.importLine(names, REG.coreFactory));
    const ann = (text) => (this.ts ? text : '');
    this.addBlock(`${this.exportKw()}const ${this.claim(`${this.c}EngineFactory`)}${ann(': ExecutionEngineFactory')} = ${unmapped ? 'getExecutionEngineFactory()' : 'new ExecutionEngineFactory()'};`);
    return true;
  }

  legacy_redirect() {
    if (this.cjs) return false;
    const local = this.rng.pick(['ExecutionEngine', 'RedirectedEngine']);
    if (!this.free(local) || (local !== 'ExecutionEngine' && !this.free('ExecutionEngine'))) return false;
    this.claim(local);
    if (local !== 'ExecutionEngine') this.claim('ExecutionEngine');
    this.addImport(this.importLine([local === 'ExecutionEngine' ? local : { name: 'ExecutionEngine', local }], REG.redirect));
    if (!this.canonicalDefaults()) return true;
    const ann = (text) => (this.ts ? text : '');
    this.addBlock(`${this.exportKw()}function ${this.claim(`redirected${this.P}Engine`)}(userId${ann(': string')}) {
  return new ${local}({ userId, runId: 'redirect' }, echoAgentFactory, silentEmitter);
}`);
    return true;
  }

  legacy_consolidatedTypes() {
    if (!this.ts || this.names.has('ExecutionContext')) return false;
    this.claim('ExecutionContext');
    const withClass = this.rng.chance(0.4) && this.free('UserExecutionEngine');
    if (withClass) {
      this.claim('UserExecutionEngine');
      this.addImport(this.importLine(['UserExecutionEngine', { name: 'ExecutionContext', type: true }], REG.consolidated));
    } else this.addImport(this.importLine(['ExecutionContext'], REG.consolidated, { typeOnly: true }));
    this.addBlock(`export function ${this.claim(`${this.c}ContextOf`)}(userId: string, requestId: string): ExecutionContext {
  return { userId, runId: requestId };
}${withClass ? `\n\nexport function ${this.claim(`${this.c}Owner`)}(engine: UserExecutionEngine): string {\n  return engine.userId;\n}` : ''}`);
    return true;
  }

  legacy_requireConsolidated() {
    if (!this.cjs || !this.free('ExecutionEngine')) return false;
    this.claim('ExecutionEngine');
    this.addImport(this.importLine(['ExecutionEngine'], REG.consolidated));
    this.addBlock(this.constructionBlock('ExecutionEngine'));
    return true;
  }

  legacy_requireAdapter() {
    if (!this.cjs || !this.free('IsolatedExecutionEngine', 'adaptLegacyResult', 'echoAgentFactory', 'silentEmitter')) return false;
    ['IsolatedExecutionEngine', 'adaptLegacyResult', 'echoAgentFactory', 'silentEmitter'].forEach((n) => this.claim(n));
    this.addImport(this.importLine(['IsolatedExecutionEngine', 'adaptLegacyResult'], REG.adapter));
    this.addImport(this.importLine(['echoAgentFactory', 'silentEmitter'], this.rng.chance(0.5) ? REG.unified : REG.factory));
    const fn = this.declare(`handle${this.P}Job`);
    this.addBlock(`async function ${fn}(job) {
  const context = { userId: job.userId, runId: job.id };
  const engine = new IsolatedExecutionEngine(context, echoAgentFactory, silentEmitter);
  return adaptLegacyResult(await engine.executeAgent(job.agent, job.task));
}`);
    return true;
  }

  legacy_requireUnified() {
    if (!this.cjs) return false;
    if (this.rng.chance(0.5)) {
      const local = this.claim('unifiedFactory');
      this.addImport(`const ${local} = require(${this.str(this.regSpec(REG.unified))});`);
      const fn = this.declare(`engineFor${this.P}`);
      this.addBlock(`function ${fn}(context) {\n  return ${local}.createUserExecutionEngine(context);\n}`);
      return true;
    }
    if (!this.free('createUserExecutionEngine')) return false;
    this.claim('createUserExecutionEngine');
    this.addImport(this.importLine(['createUserExecutionEngine'], REG.unified));
    const fn = this.declare(`engineFor${this.P}`);
    this.addBlock(`function ${fn}(context) {\n  return createUserExecutionEngine(context);\n}`);
    return true;
  }

  legacy_requireCoreFactory() {
    if (!this.cjs || !this.free('ExecutionEngineFactory')) return false;
    this.claim('ExecutionEngineFactory');
    this.addImport(this.importLine(['ExecutionEngineFactory'], REG.coreFactory));
    const name = this.declare(`${this.c}Factory`);
    this.addBlock(`const ${name} = new ExecutionEngineFactory();`);
    return true;
  }

  /** Already migrated: the canonical modules, imported the canonical way. */
  canonicalPattern() {
    if (!this.free('createUserExecutionEngine')) return;
    this.claim('createUserExecutionEngine');
    const ann = (text) => (this.ts ? text : '');
    const ctx = this.ts ? this.contextType(REG.canonical) : '';
    this.addImport(this.importLine(['createUserExecutionEngine'], REG.factory));
    this.addBlock(`/** Builds the engine for one request. */
${this.exportKw()}function ${this.declare(`engineFor${this.P}Request`)}(userId${ann(': string')}, requestId${ann(': string')})${ann(': ReturnType<typeof createUserExecutionEngine>')} {
  const context${ann(`: ${ctx}`)} = { userId, runId: requestId };
  return createUserExecutionEngine(context);
}`);
  }
}

// ------------------------------------------------------------------------------------------------------

function copyRegistryModules(dir) {
  for (const sub of ['src/agents', 'src/core']) fs.cpSync(path.join(EXAMPLE, sub), path.join(dir, sub), { recursive: true });
  // The example's registry, its include globs narrowed to what a generated tree holds: a glob that matches
  // no file is a registry error, and the tree has no tests/ folder.
  const registry = JSON.parse(fs.readFileSync(path.join(EXAMPLE, 'ssot.config.json'), 'utf8'));
  registry.include = registry.include.filter((glob) => glob.startsWith('src/'));
  fs.writeFileSync(path.join(dir, 'ssot.config.json'), `${JSON.stringify(registry, null, 2)}\n`);
  fs.copyFileSync(path.join(EXAMPLE, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'bench-app', version: '0.0.0', private: true }, null, 2)}\n`);
}

/**
 * Writes the tree into `dir` (created if needed; it should be empty). Returns what was written.
 * @param {string} dir
 * @param {{ files: number, legacyShare: number, seed?: number, canonicalShare?: number }} options
 */
function generateTree(dir, { files, legacyShare, seed = 1, canonicalShare = 0.03 }) {
  if (!(files > 0)) throw new Error('generateTree: files must be a positive number');
  if (!(legacyShare >= 0 && legacyShare <= 1)) throw new Error('generateTree: legacyShare must be within 0..1');
  fs.mkdirSync(dir, { recursive: true });
  copyRegistryModules(dir);
  const rng = new Rng(seed);
  const modules = planModules(rng, files);
  const features = [];
  // Re-derive feature names for comments (the plan kept only indexes).
  for (const m of modules) features[m.featureIndex] ??= { name: m.file.split('/')[2] };
  const legacyCount = Math.round(files * legacyShare);
  const order = rng.shuffle(modules.map((m) => m.index));
  order.slice(0, legacyCount).forEach((i) => (modules[i].legacy = true));
  for (const i of order.slice(legacyCount)) if (rng.chance(canonicalShare)) modules[i].canonical = true;

  const madeDirs = new Set();
  const stats = { files, legacyFiles: legacyCount, canonicalFiles: 0, bytes: 0, byExtension: {} };
  for (const module of modules) {
    const fileRng = new Rng((seed * 1000003 + module.index * 7919) >>> 0);
    const text = new FileBuilder(fileRng, module, modules, features).build();
    const abs = path.join(dir, module.file);
    const parent = path.dirname(abs);
    if (!madeDirs.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    fs.writeFileSync(abs, text);
    stats.bytes += Buffer.byteLength(text);
    stats.byExtension[module.lang] = (stats.byExtension[module.lang] ?? 0) + 1;
    if (module.canonical) stats.canonicalFiles++;
  }
  stats.folders = madeDirs.size;
  return stats;
}

module.exports = { generateTree, mulberry32 };

if (require.main === module) {
  const [dir, filesArg, shareArg, seedArg] = process.argv.slice(2);
  if (!dir || !filesArg || shareArg === undefined) {
    console.error('usage: node bench/generate.js <dir> <files> <share> [seed]   (share: 0.05, 5 or 5%)');
    process.exit(2);
  }
  let share = Number(String(shareArg).replace(/%$/, ''));
  if (String(shareArg).endsWith('%') || share > 1) share /= 100;
  const started = Date.now();
  const stats = generateTree(path.resolve(dir), { files: Number(filesArg), legacyShare: share, seed: seedArg ? Number(seedArg) : 1 });
  console.log(JSON.stringify({ dir: path.resolve(dir), ...stats, seconds: (Date.now() - started) / 1000 }, null, 2));
}
