/**
 * The import model on its own, without a parser: declarations and specifiers written by hand as data, a
 * fake context, and the plan read back as one line per declaration. What the plan decides (merge by form
 * and kind, split, repoint in place, remove) is language-neutral; how it is spelled is tested with the
 * JavaScript renderer in __tests__/languages/javascript/imports.test.ts.
 */
import { ImportModel, type ImportDecl, type ImportModelContext, type ImportSpec, type ReadDeclaration } from '../../src/languages/import-model';
import type { Binding, ModuleRef, Reference } from '../../src/languages/language';

// ── hand-built data ─────────────────────────────────────────────────────────

const mod = (name: string): ModuleRef => ({ kind: 'file', path: `/p/${name}.ts` });

type SpecInit = Pick<ImportSpec, 'kind' | 'imported' | 'local' | 'typeOnly'> & { binding?: Binding | null };

/** `import { a }`, or `import { A as B }` with a local. */
const named = (imported: string, local = imported): SpecInit => ({ kind: 'named', imported, local, typeOnly: false });
/** `import { type T }` */
const inlineType = (name: string): SpecInit => ({ kind: 'named', imported: name, local: name, typeOnly: true });
/** `import D` */
const defaultImport = (local: string): SpecInit => ({ kind: 'default', imported: 'default', local, typeOnly: false });
/** `import * as ns` */
const namespace = (local: string): SpecInit => ({ kind: 'namespace', imported: '*', local, typeOnly: false });

let nextOffset = 0;

/** A declaration as a language would read it: `form` is the language's name for its shape. */
function decl(form: string, module: string, specs: SpecInit[], options: { typeOnly?: boolean } = {}): ImportDecl {
  const start = nextOffset;
  nextOffset += 100;
  const d: ImportDecl = {
    form, reexport: form === 'export', span: { start, end: start + 60 }, source: { start: start + 40, end: start + 50 },
    specifierText: `./${module}`, module: mod(module), typeOnly: options.typeOnly ?? false, specs: [], retarget: null,
    added: [], anchor: null,
  };
  specs.forEach((s, i) => d.specs.push({
    span: { start: start + 10 + i * 5, end: start + 14 + i * 5 }, decl: d, kind: s.kind, imported: s.imported, local: s.local,
    typeOnly: s.typeOnly, binding: s.binding ?? null, target: null, removed: false,
  }));
  return d;
}

/** A binding with `count` references. */
function binding(name: string, count: number): Binding {
  const references: Reference[] = [];
  const b: Binding = { name, references };
  for (let i = 0; i < count; i++) {
    references.push({ name, start: 1000 + i * 10, end: 1000 + i * 10 + name.length, context: 'new-callee', binding: b, deferred: false });
  }
  return b;
}

/** A fake of what the file tells the model: module moves, and the references transforms rewrote away. */
function fakeContext(options: { moves?: Record<string, string>; consumed?: Reference[] } = {}): ImportModelContext {
  const consumed = new Set(options.consumed ?? []);
  return {
    resolve: (specifier) => mod(specifier.replace(/^\.\//, '')),
    defaultForm: 'import',
    movedTo: (module) => {
      const to = module && options.moves?.[nameOf(module)];
      return to ? mod(to) : null;
    },
    liveReferences: (b) => b.references.filter((r) => !consumed.has(r)),
    anyConsumed: () => consumed.size > 0,
  };
}

/** The model adopts the hand-built records as they are (it keeps their identity), as it adopts a language's. */
function modelOf(decls: ImportDecl[], context = fakeContext()): ImportModel {
  return new ImportModel(decls as unknown as ReadDeclaration[], context);
}

function specOf(d: ImportDecl, local: string): ImportSpec {
  const spec = d.specs.find((s) => s.local === local);
  if (!spec) throw new Error(`no specifier ${local}`);
  return spec;
}

// ── the plan, read back ─────────────────────────────────────────────────────

function nameOf(module: ModuleRef | null): string {
  if (!module) return '(none)';
  return module.kind === 'file' ? module.path.replace(/^\/p\//, '').replace(/\.ts$/, '') : module.name;
}

function label(s: ImportSpec): string {
  const type = s.typeOnly ? 'type ' : '';
  if (s.kind === 'namespace') return `* as ${s.local}`;
  const names = s.imported === s.local ? s.local : `${s.imported} as ${s.local}`;
  return s.kind === 'default' ? `default ${s.imported === 'default' ? s.local : names}` : type + names;
}

/**
 * One line per declaration, existing ones in order and then the created ones:
 * `import { kept, +added } from module` (`old ➔ new` when repointed in place), `type` after the form for
 * a type-only declaration, `(deleted)` for one that loses every specifier and gains none, and
 * `(new, after <module>)` for a created one.
 */
function planOf(model: ImportModel): string[] {
  const line = (d: ImportDecl, names: string[]): string =>
    `${d.form}${d.typeOnly ? ' type' : ''} { ${names.join(', ')} } from ${nameOf(d.module)}`;
  return [
    ...model.decls.map((d) => {
      const names = [...model.keptSpecs(d).map(label), ...d.added.map((s) => '+' + label(s))];
      const text = line(d, names) + (d.retarget ? ` ➔ ${nameOf(d.retarget)}` : '');
      return model.isDeleted(d) && d.added.length === 0 ? `${text} (deleted)` : text;
    }),
    ...model.created.map((d) => `${line(d, d.added.map(label))} (new, after ${d.anchor ? nameOf(d.anchor.module) : 'nothing'})`),
  ];
}

function planned(model: ImportModel): string[] {
  model.plan();
  return planOf(model);
}

// ── add ─────────────────────────────────────────────────────────────────────

describe('ensureImport: add', () => {
  it('with no declaration at all, creates one of the default form, anchored to nothing', () => {
    const model = modelOf([]);
    expect(model.ensureImport(mod('factory'), 'createEngine', null)).toBe('createEngine');
    expect(planned(model)).toEqual(['import { createEngine } from factory (new, after nothing)']);
    expect(model.created[0].reexport).toBe(false);
    expect(model.created[0].typeOnly).toBe(false);
  });

  it('beside a declaration of another module, creates one after it, in its form', () => {
    const a = decl('import', 'a', [named('a')]);
    const model = modelOf([a]);
    model.ensureImport(mod('factory'), 'createEngine', a);
    expect(planned(model)).toEqual([
      'import { a } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
    expect(model.created[0].anchor).toBe(a);
  });

  it('with no anchor, is written after the first declaration of the default form', () => {
    const r = decl('require', 'r', [named('r')]);
    const a = decl('import', 'a', [named('a')]);
    const model = modelOf([r, a]);
    model.ensureImport(mod('factory'), 'createEngine', null);
    expect(planned(model)).toEqual([
      'require { r } from r',
      'import { a } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
  });

  it('beside a `require`, stays in the require form', () => {
    const r = decl('require', 'a', [named('a')]);
    const model = modelOf([r]);
    model.ensureImport(mod('factory'), 'createEngine', r);
    expect(planned(model)).toEqual([
      'require { a } from a',
      'require { createEngine } from factory (new, after a)',
    ]);
  });

  it('beside a re-export, is imported (a re-export binds nothing)', () => {
    const e = decl('export', 'a', [named('a')]);
    const model = modelOf([e]);
    model.ensureImport(mod('factory'), 'createEngine', e);
    expect(planned(model)).toEqual([
      'export { a } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
    expect(model.created[0].reexport).toBe(false);
  });

  it('merges into an existing value import of the same module and form', () => {
    const f = decl('import', 'factory', [named('other')]);
    const a = decl('import', 'a', [named('a')]);
    const model = modelOf([f, a]);
    model.ensureImport(mod('factory'), 'createEngine', a);
    expect(planned(model)).toEqual([
      'import { other, +createEngine } from factory',
      'import { a } from a',
    ]);
    expect(model.created).toEqual([]);
  });

  it('does not merge into a type-only import, a namespace import, a side-effect import or a re-export of the module', () => {
    const types = decl('import', 'factory', [named('Options')], { typeOnly: true });
    const ns = decl('import', 'factory', [namespace('f')]);
    const bare = decl('import', 'factory', []);
    const reexport = decl('export', 'factory', [named('other')]);
    const a = decl('import', 'a', [named('a')]);
    const model = modelOf([types, ns, bare, reexport, a]);
    model.ensureImport(mod('factory'), 'createEngine', a);
    expect(planned(model)).toEqual([
      'import type { Options } from factory',
      'import { * as f } from factory',
      'import {  } from factory',
      'export { other } from factory',
      'import { a } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
  });

  it('asked beside a type-only import, is still a value import', () => {
    const types = decl('import', 'a', [named('T')], { typeOnly: true });
    const model = modelOf([types]);
    model.ensureImport(mod('factory'), 'createEngine', types);
    expect(planned(model)).toEqual([
      'import type { T } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
  });
});

describe('findImport', () => {
  it('finds an existing value import by the name its module exports, and answers with its local name', () => {
    const f = decl('import', 'factory', [named('createEngine', 'make')]);
    const model = modelOf([f]);
    expect(model.findImport(mod('factory'), 'createEngine')).toBe('make');
    expect(model.findImport(mod('factory'), 'make')).toBeNull();
    expect(model.findImport(mod('other'), 'createEngine')).toBeNull();
    // ensureImport then adds nothing
    expect(model.ensureImport(mod('factory'), 'createEngine', f)).toBe('make');
    expect(planned(model)).toEqual(['import { createEngine as make } from factory']);
  });

  it('finds an import of a module that moved to the one asked for', () => {
    const old = decl('import', 'old-factory', [named('createEngine', 'make')]);
    const model = modelOf([old], fakeContext({ moves: { 'old-factory': 'factory' } }));
    expect(model.findImport(mod('factory'), 'createEngine')).toBe('make');
    expect(model.findImport(mod('old-factory'), 'createEngine')).toBe('make');
  });

  it('finds a specifier already moved to the module', () => {
    const legacy = decl('import', 'legacy', [named('oldFactory', 'make')]);
    const model = modelOf([legacy]);
    model.move(specOf(legacy, 'make'), mod('factory'), 'createEngine');
    expect(model.findImport(mod('factory'), 'createEngine')).toBe('make');
    expect(model.findImport(mod('legacy'), 'oldFactory')).toBeNull();
  });

  it('does not count type-only, namespace, removed or re-exported names as a value import', () => {
    const types = decl('import', 'factory', [named('createEngine', 'A')], { typeOnly: true });
    const inline = decl('import', 'factory', [inlineType('createEngine')]);
    const ns = decl('import', 'factory', [namespace('createEngine')]);
    const reexport = decl('export', 'factory', [named('createEngine')]);
    const removed = decl('import', 'factory', [named('createEngine', 'B')]);
    const model = modelOf([types, inline, ns, reexport, removed]);
    model.remove(specOf(removed, 'B'));
    expect(model.findImport(mod('factory'), 'createEngine')).toBeNull();
  });

  it('finds a name already asked for, so that asking twice adds one specifier', () => {
    const a = decl('import', 'a', [named('a')]);
    const model = modelOf([a]);
    expect(model.findImport(mod('factory'), 'createEngine')).toBeNull();
    model.ensureImport(mod('factory'), 'createEngine', a);
    expect(model.findImport(mod('factory'), 'createEngine')).toBe('createEngine');
    expect(model.ensureImport(mod('factory'), 'createEngine', a)).toBe('createEngine');
    expect(planned(model)).toEqual([
      'import { a } from a',
      'import { createEngine } from factory (new, after a)',
    ]);
  });
});

// ── merge by kind ───────────────────────────────────────────────────────────

describe('plan: merge by form and kind', () => {
  it('never merges a moved value name into `import type`', () => {
    const types = decl('import', 'c', [named('T')], { typeOnly: true });
    const a = decl('import', 'a', [named('v'), named('keep')]);
    const model = modelOf([types, a]);
    model.move(specOf(a, 'v'), mod('c'), 'v');
    expect(planned(model)).toEqual([
      'import type { T } from c',
      'import { keep } from a',
      'import { v } from c (new, after a)',
    ]);
  });

  it('never merges a type-only declaration\'s names into a value import', () => {
    const values = decl('import', 'c', [named('v')]);
    const types = decl('import', 'a', [named('T'), named('U')], { typeOnly: true });
    const model = modelOf([values, types]);
    model.move(specOf(types, 'T'), mod('c'), 'T');
    expect(planned(model)).toEqual([
      'import { v } from c',
      'import type { U } from a',
      'import type { T } from c (new, after a)',
    ]);
  });

  it('repoints a wholly moved `import type` in place rather than merge it into a value import', () => {
    const values = decl('import', 'c', [named('v')]);
    const types = decl('import', 'a', [named('T')], { typeOnly: true });
    const model = modelOf([values, types]);
    model.move(specOf(types, 'T'), mod('c'), 'T');
    expect(planned(model)).toEqual([
      'import { v } from c',
      'import type { T } from a ➔ c',
    ]);
  });

  it('merges a type-only declaration\'s names into an `import type` of the module', () => {
    const types = decl('import', 'c', [named('S')], { typeOnly: true });
    const moving = decl('import', 'a', [named('T')], { typeOnly: true });
    const model = modelOf([types, moving]);
    model.move(specOf(moving, 'T'), mod('c'), 'T');
    expect(planned(model)).toEqual([
      'import type { S, +T } from c',
      'import type {  } from a (deleted)',
    ]);
  });

  it('merges an inline `type` name into a value import, where it keeps its own modifier', () => {
    const values = decl('import', 'c', [named('v')]);
    const a = decl('import', 'a', [inlineType('T'), named('keep')]);
    const model = modelOf([values, a]);
    model.move(specOf(a, 'T'), mod('c'), 'T');
    expect(planned(model)).toEqual([
      'import { v, +type T } from c',
      'import { keep } from a',
    ]);
  });

  it('merges nothing into a namespace import', () => {
    const ns = decl('import', 'c', [namespace('ns')]);
    const a = decl('import', 'a', [named('v'), named('keep')]);
    const model = modelOf([ns, a]);
    model.move(specOf(a, 'v'), mod('c'), 'v');
    expect(planned(model)).toEqual([
      'import { * as ns } from c',
      'import { keep } from a',
      'import { v } from c (new, after a)',
    ]);

    const ns2 = decl('import', 'c', [defaultImport('C'), namespace('ns')]);
    const b = decl('import', 'b', [named('w')]);
    const whole = modelOf([ns2, b]);
    whole.move(specOf(b, 'w'), mod('c'), 'w');
    expect(planned(whole)).toEqual([
      'import { default C, * as ns } from c',
      'import { w } from b ➔ c',
    ]);
  });

  it('moves a namespace import only as a whole, never into a named list', () => {
    const c = decl('import', 'c', [named('x')]);
    const a = decl('import', 'a', [namespace('ns')]);
    const model = modelOf([c, a]);
    model.move(specOf(a, 'ns'), mod('c'), '*');
    expect(planned(model)).toEqual([
      'import { x } from c',
      'import { * as ns } from a ➔ c',
    ]);
  });

  it('merges a default import into an import of names (it becomes its default), and one that becomes a named import', () => {
    const c = decl('import', 'c', [named('x')]);
    const a = decl('import', 'a', [defaultImport('D')]);
    const b = decl('import', 'b', [defaultImport('E')]);
    const model = modelOf([c, a, b]);
    model.move(specOf(a, 'D'), mod('c'), 'default');
    model.move(specOf(b, 'E'), mod('c'), 'Engine');
    expect(planned(model)).toEqual([
      'import { x, +default D, +default Engine as E } from c',
      'import {  } from a (deleted)',
      'import {  } from b (deleted)',
    ]);
  });

  it('merges no second default into a declaration, and no default into a type-only one', () => {
    const c = decl('import', 'c', [defaultImport('C'), named('x')]);
    const a = decl('import', 'a', [defaultImport('D')]);
    const withDefault = modelOf([c, a]);
    withDefault.move(specOf(a, 'D'), mod('c'), 'default');
    expect(planned(withDefault)).toEqual(['import { default C, x } from c', 'import { default D } from a ➔ c']);

    const types = decl('import', 'c', [named('T')], { typeOnly: true });
    const typeA = decl('import', 'a', [named('Legacy', 'D')], { typeOnly: true });
    const typeOnly = modelOf([types, typeA]);
    typeOnly.move(specOf(typeA, 'D'), mod('c'), 'default');
    expect(planned(typeOnly)).toEqual(['import type { T } from c', 'import type { default as D } from a ➔ c']);
  });

  it('merges named imports into a default-only import of the module', () => {
    const c = decl('import', 'c', [defaultImport('C')]);
    const a = decl('import', 'a', [named('v')]);
    const model = modelOf([c, a]);
    model.move(specOf(a, 'v'), mod('c'), 'v');
    expect(planned(model)).toEqual([
      'import { default C, +v } from c',
      'import {  } from a (deleted)',
    ]);
  });

  it('keeps forms apart: a re-export joins a re-export, never an import, and an import never a re-export', () => {
    const imports = decl('import', 'c', [named('y')]);
    const reexports = decl('export', 'c', [named('z')]);
    const e = decl('export', 'a', [named('x'), named('keepX')]);
    const i = decl('import', 'b', [named('w'), named('keepW')]);
    const model = modelOf([imports, reexports, e, i]);
    model.move(specOf(e, 'x'), mod('c'), 'x');
    model.move(specOf(i, 'w'), mod('c'), 'w');
    expect(planned(model)).toEqual([
      'import { y, +w } from c',
      'export { z, +x } from c',
      'export { keepX } from a',
      'import { keepW } from b',
    ]);
  });

  it('never merges into a side-effect import of the module', () => {
    const bare = decl('import', 'c', []);
    const a = decl('import', 'a', [named('v'), named('keep')]);
    const model = modelOf([bare, a]);
    model.move(specOf(a, 'v'), mod('c'), 'v');
    expect(planned(model)).toEqual([
      'import {  } from c',
      'import { keep } from a',
      'import { v } from c (new, after a)',
    ]);
  });

  it('gives names moved to one module from two wholly moved declarations one declaration', () => {
    const a = decl('import', 'a', [named('x')]);
    const b = decl('import', 'b', [named('y')]);
    const model = modelOf([a, b]);
    model.move(specOf(a, 'x'), mod('c'), 'x');
    model.move(specOf(b, 'y'), mod('c'), 'y');
    expect(planned(model)).toEqual([
      'import { x, +y } from a ➔ c',
      'import {  } from b (deleted)',
    ]);
  });

  it('gives names of one declaration moved to one module one new declaration', () => {
    const a = decl('import', 'a', [named('x'), named('keep'), named('y')]);
    const model = modelOf([a]);
    model.move(specOf(a, 'x'), mod('c'), 'x');
    model.move(specOf(a, 'y'), mod('c'), 'y');
    expect(planned(model)).toEqual([
      'import { keep } from a',
      'import { x, y } from c (new, after a)',
    ]);
  });
});

// ── split ───────────────────────────────────────────────────────────────────

describe('plan: split and repoint', () => {
  it('splits a declaration whose names move to two modules: the first repointed in place, the second new after it', () => {
    const old = decl('import', 'old', [named('a'), named('b')]);
    const model = modelOf([old]);
    model.move(specOf(old, 'a'), mod('one'), 'a');
    model.move(specOf(old, 'b'), mod('two'), 'b');
    expect(planned(model)).toEqual([
      'import { a } from old ➔ one',
      'import { b } from two (new, after old)',
    ]);
  });

  it('keeps the names that stay and moves the others to a new declaration after it', () => {
    const old = decl('import', 'old', [named('keep'), named('Old')]);
    const model = modelOf([old]);
    model.move(specOf(old, 'Old'), mod('c'), 'New');
    expect(planned(model)).toEqual([
      'import { keep } from old',
      'import { New as Old } from c (new, after old)',
    ]);
    expect(model.isGone(specOf(old, 'Old'))).toBe(true);
    expect(model.isRenamed(specOf(old, 'Old'))).toBe(true);
    expect(model.isRenamed(specOf(old, 'keep'))).toBe(false);
  });

  it('repoints a declaration whose every name moves to one module in place, names and all', () => {
    const old = decl('import', 'old', [named('Old'), named('b')]);
    const model = modelOf([old]);
    model.move(specOf(old, 'Old'), mod('c'), 'New');
    model.move(specOf(old, 'b'), mod('c'), 'b');
    expect(planned(model)).toEqual(['import { New as Old, b } from old ➔ c']);
    expect(old.retarget).toEqual(mod('c'));
    expect(old.specs.map((s) => s.target)).toEqual([null, null]);
    expect(model.created).toEqual([]);
  });

  it('repoints in place a declaration whose names are all either moved or removed', () => {
    const old = decl('import', 'old', [named('gone'), named('b')]);
    const model = modelOf([old]);
    model.remove(specOf(old, 'gone'));
    model.move(specOf(old, 'b'), mod('c'), 'b');
    expect(planned(model)).toEqual(['import { b } from old ➔ c']);
  });

  it('does not count a name moved to where its whole declaration is retargeted as moved', () => {
    const old = decl('import', 'old', [namespace('ns')]);
    const other = decl('import', 'legacy', [named('a'), named('b')]);
    const model = modelOf([old, other]);
    model.retarget(old, mod('c'));
    model.retarget(other, mod('c'));
    model.move(specOf(other, 'a'), mod('c'), 'a');
    expect(planned(model)).toEqual([
      'import { * as ns } from old ➔ c',
      'import { a, b } from legacy ➔ c',
    ]);
    expect(model.created).toEqual([]);
  });
});

// ── remove ──────────────────────────────────────────────────────────────────

describe('remove and isLeftUnused', () => {
  it('deletes a declaration when its last specifier is removed, and only then', () => {
    const d = decl('import', 'm', [named('a'), named('b')]);
    const model = modelOf([d]);
    model.remove(specOf(d, 'a'));
    expect(model.isDeleted(d)).toBe(false);
    model.remove(specOf(d, 'b'));
    expect(model.isDeleted(d)).toBe(true);
    expect(planned(model)).toEqual(['import {  } from m (deleted)']);
  });

  it('keeps the default import of `import D, { a }` when `a` is removed', () => {
    const d = decl('import', 'm', [defaultImport('D'), named('a')]);
    const model = modelOf([d]);
    model.remove(specOf(d, 'a'));
    expect(planned(model)).toEqual(['import { default D } from m']);
  });

  it('never deletes a side-effect import, which has no specifier to lose', () => {
    const bare = decl('import', 'polyfill', []);
    const model = modelOf([bare]);
    expect(model.isDeleted(bare)).toBe(false);
    expect(planned(model)).toEqual(['import {  } from polyfill']);
  });

  it('calls an import left unused only after a reference of it was rewritten away', () => {
    const engine = binding('E', 1);
    const d = decl('import', 'legacy', [{ ...named('E'), binding: engine }]);
    expect(modelOf([d]).isLeftUnused(d.specs[0])).toBe(false);

    const model = modelOf([d], fakeContext({ consumed: [engine.references[0]] }));
    expect(model.isLeftUnused(d.specs[0])).toBe(true);
    expect(planned(model)).toEqual(['import {  } from legacy (deleted)']);
    expect(d.specs[0].removed).toBe(true);
  });

  it('does not call an import left unused while a reference of it is live', () => {
    const engine = binding('E', 2);
    const d = decl('import', 'legacy', [{ ...named('E'), binding: engine }]);
    const model = modelOf([d], fakeContext({ consumed: [engine.references[0]] }));
    expect(model.isLeftUnused(d.specs[0])).toBe(false);
    expect(planned(model)).toEqual(['import { E } from legacy']);
  });

  it('does not call a never-used import, or a re-export, left unused when something else was consumed', () => {
    const other = binding('Other', 1);
    const d = decl('import', 'legacy', [{ ...named('E'), binding: binding('E', 0) }, { ...named('Other'), binding: other }]);
    const e = decl('export', 'legacy', [named('R')]);
    const model = modelOf([d, e], fakeContext({ consumed: [other.references[0]] }));
    expect(model.isLeftUnused(specOf(d, 'E'))).toBe(false);
    expect(model.isLeftUnused(specOf(e, 'R'))).toBe(false);
    expect(model.isLeftUnused(specOf(d, 'Other'))).toBe(true);
    expect(planned(model)).toEqual(['import { E } from legacy', 'export { R } from legacy']);
  });

  it('puts a requested import after the declaration it is asked beside, even one left with nothing', () => {
    const engine = binding('E', 1);
    const legacy = decl('import', 'legacy', [{ ...named('E'), binding: engine }]);
    const model = modelOf([legacy], fakeContext({ consumed: [engine.references[0]] }));
    model.ensureImport(mod('factory'), 'createEngine', legacy);
    expect(planned(model)).toEqual([
      'import {  } from legacy (deleted)',
      'import { createEngine } from factory (new, after legacy)',
    ]);
    expect(model.createdAfter(legacy)).toEqual([model.created[0]]);
  });
});

// ── idempotence ─────────────────────────────────────────────────────────────

describe('plan() is idempotent', () => {
  it('changes nothing when called a second time', () => {
    const c = decl('import', 'c', [named('x')]);
    const a = decl('import', 'a', [named('v'), named('keep')]);
    const b = decl('import', 'b', [named('w')]);
    const model = modelOf([c, a, b]);
    model.move(specOf(a, 'v'), mod('new'), 'v');
    model.move(specOf(b, 'w'), mod('c'), 'w');
    model.ensureImport(mod('factory'), 'createEngine', a);
    model.plan();
    const first = planOf(model);
    const created = [...model.created];
    const added = model.decls.map((d) => [...d.added]);
    model.plan();
    expect(planOf(model)).toEqual(first);
    expect(model.created).toEqual(created);
    expect(model.decls.map((d) => d.added)).toEqual(added);
    expect(first).toEqual([
      'import { x, +w } from c',
      'import { keep } from a',
      'import {  } from b (deleted)',
      'import { v } from new (new, after a)',
      'import { createEngine } from factory (new, after a)',
    ]);
  });
});
