/**
 * The import model read from real JavaScript/TypeScript text, planned, and rendered back as edits: each
 * test parses a file, changes the model as a transform would, splices the edits into the text and
 * compares the whole result with what a careful human would write. Modules are fakes resolved from a
 * small map; no registry, resolver or transform is involved.
 */
import { ImportModel, type ImportDecl, type ImportModelContext, type ImportSpec } from '../../../src/languages/import-model';
import { TextEdits } from '../../../src/engine/text-edits';
import { javascript } from '../../../src/languages/javascript';
import type { ModuleRef, Reference, SourceFile, SpecifierWriter } from '../../../src/languages/language';

const file = (name: string): ModuleRef => ({ kind: 'file', path: `/p/${name}.ts` });

/** The only modules these files import; any other specifier resolves to nothing. */
const MODULES: Record<string, ModuleRef> = {
  './a': file('a'),
  './b': file('b'),
  './c': file('c'),
  './m': file('m'),
  './old': file('old'),
  './legacy': file('legacy'),
  '@/legacy': file('legacy'),
  './engine': file('engine'),
  './data.json': { kind: 'file', path: '/p/data.json' },
};

const resolve = (specifier: string): ModuleRef | null => MODULES[specifier] ?? null;

/** `./name`, or `@/name` where the file writes that alias. */
const specifierFor: SpecifierWriter = (module, styleOf) => {
  const name = module.kind === 'file' ? module.path.replace(/^\/p\//, '').replace(/\.ts$/, '') : module.name;
  return (styleOf.startsWith('@/') ? '@/' : './') + name;
};

interface Setup {
  file: SourceFile;
  model: ImportModel;
  /** What a transform tells the model it rewrote away (as FileContext does). */
  consume(reference: Reference): void;
  /** The declaration whose module string is `specifier`. */
  decl(specifier: string): ImportDecl;
  /** The specifier with this local (or, for a re-export, exported) name. */
  spec(local: string): ImportSpec;
}

function setUp(path: string, text: string, moves: Record<string, string> = {}): Setup {
  const source = javascript.parse(path, text);
  const consumed = new Set<Reference>();
  const context: ImportModelContext = {
    resolve,
    defaultForm: source.defaultImportForm,
    movedTo: (module) => (module && module.kind === 'file' && moves[module.path] ? file(moves[module.path]) : null),
    liveReferences: (binding) => binding.references.filter((r) => !consumed.has(r)),
    anyConsumed: () => consumed.size > 0,
  };
  const model = new ImportModel(source.readImports(), context);
  return {
    file: source,
    model,
    consume: (reference) => consumed.add(reference),
    decl: (specifier) => {
      const found = model.decls.find((d) => d.specifierText === specifier);
      if (!found) throw new Error(`no declaration of ${specifier}`);
      return found;
    },
    spec: (local) => {
      const found = model.decls.flatMap((d) => d.specs).find((s) => s.local === local);
      if (!found) throw new Error(`no specifier ${local}`);
      return found;
    },
  };
}

/** The file's text with the model's edits spliced in; the result must parse again. */
function rendered(setup: Setup): string {
  const edits = new TextEdits();
  setup.model.plan();
  edits.add(setup.file.renderImports(setup.model, specifierFor), 'imports');
  const result = edits.splice(setup.file.text);
  if ('overlap' in result) throw new Error(`overlapping edits: ${JSON.stringify(result.overlap)}`);
  javascript.parse(setup.file.path, result.output);
  return result.output;
}

/** Parse `text`, let `change` edit the model, and render. */
function rewrite(path: string, text: string, change: (setup: Setup) => void): string {
  const setup = setUp(path, text);
  change(setup);
  return rendered(setup);
}

// ── read ────────────────────────────────────────────────────────────────────

describe('reading declarations', () => {
  it('reads imports, re-exports and require destructurings, in source order, with their kinds', () => {
    const { model } = setUp('case.ts', [
      `const { r, s: t } = require('./b');`,
      `import D, { a as b, type T } from './a';`,
      `import * as ns from './c';`,
      `export { x as y } from './m';`,
      `import type { U } from './old';`,
      `import './legacy';`,
      `import unknown from 'somewhere-else';`,
    ].join('\n'));
    const summary = model.decls.map((d) => ({
      form: d.form, reexport: d.reexport, typeOnly: d.typeOnly, module: d.module, specifier: d.specifierText,
      specs: d.specs.map((s) => `${s.kind} ${s.typeOnly ? 'type ' : ''}${s.imported} ➔ ${s.local}`),
    }));
    expect(summary).toEqual([
      { form: 'require', reexport: false, typeOnly: false, module: file('b'), specifier: './b', specs: ['named r ➔ r', 'named s ➔ t'] },
      { form: 'import', reexport: false, typeOnly: false, module: file('a'), specifier: './a', specs: ['default default ➔ D', 'named a ➔ b', 'named type T ➔ T'] },
      { form: 'import', reexport: false, typeOnly: false, module: file('c'), specifier: './c', specs: ['namespace * ➔ ns'] },
      { form: 'export', reexport: true, typeOnly: false, module: file('m'), specifier: './m', specs: ['named x ➔ y'] },
      { form: 'import', reexport: false, typeOnly: true, module: file('old'), specifier: './old', specs: ['named U ➔ U'] },
      { form: 'import', reexport: false, typeOnly: false, module: file('legacy'), specifier: './legacy', specs: [] },
      { form: 'import', reexport: false, typeOnly: false, module: null, specifier: 'somewhere-else', specs: ['default default ➔ unknown'] },
    ]);
  });

  // Issue 15: the scopes were analysed for every file whose text held the word `require` (in a comment, "required").
  it('analyses scopes for a require() call only, to know whether `require` is the file\'s own binding', () => {
    const analysed = (source: string): { analysed: boolean; requires: string[] } => {
      const parsed = javascript.parse('/p/case.ts', source);
      const strings = parsed.moduleStrings.map((s) => `${s.label} ${s.value}`);
      const declarations = parsed.readImports().filter((d) => d.form === 'require').map((d) => `declaration ${d.specifierText}`);
      return { analysed: (parsed as unknown as { scopeAnalysis?: unknown }).scopeAnalysis !== undefined, requires: [...declarations, ...strings] };
    };
    expect(analysed(`// the options required here; see require.md\nimport { a } from './a';\nconst required = a.required;\n`))
      .toEqual({ analysed: false, requires: [] });
    expect(analysed(`const { a } = require('./a');\nconst b = require.resolve('./b');\n`)).toEqual({ analysed: true, requires: ['declaration ./a', 'require.resolve() ./b'] });
    // The file's own `require` is not the module system's: none of its calls is a module reference.
    expect(analysed(`import { createRequire } from 'module';\nconst require = createRequire(import.meta.url);\nconst { a } = require('./a');\nrequire('./c');\n`))
      .toEqual({ analysed: true, requires: [] });
  });

  it('renders nothing for a model no transform changed', () => {
    const setup = setUp('case.ts', `import D, { a as b } from './a';\nexport { x } from './m';\n`);
    setup.model.plan();
    expect(setup.file.renderImports(setup.model, specifierFor)).toEqual([]);
  });
});

// ── add ─────────────────────────────────────────────────────────────────────

describe('add: ensureImport', () => {
  it('with no import at all, goes after the directives', () => {
    const out = rewrite('case.ts', `'use strict';\n\nrun();\n`, ({ model }) => {
      expect(model.ensureImport(file('c'), 'make', null)).toBe('make');
    });
    expect(out).toBe(`'use strict';\nimport { make } from './c';\n\nrun();\n`);
  });

  it('with no import at all, goes before the first statement and below a license header', () => {
    const out = rewrite('case.ts', `/* Copyright Example */\n// SPDX-License-Identifier: MIT\n\nrun();\n`, ({ model }) => {
      model.ensureImport(file('c'), 'make', null);
    });
    expect(out).toBe(`/* Copyright Example */\n// SPDX-License-Identifier: MIT\n\nimport { make } from './c';\nrun();\n`);
  });

  it('in a file with no statement, goes at the end', () => {
    const out = rewrite('case.ts', `// nothing yet\n`, ({ model }) => {
      model.ensureImport(file('c'), 'make', null);
    });
    expect(out).toBe(`// nothing yet\nimport { make } from './c';\n`);
  });

  it('beside an import, goes on the next line in its quote, semicolon and brace style', () => {
    const noSemicolons = rewrite('case.ts', `import { a } from "./a"\n\nrun(a)\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('./a'));
    });
    expect(noSemicolons).toBe(`import { a } from "./a"\nimport { make } from "./c"\n\nrun(a)\n`);

    const tight = rewrite('case.ts', `import {a} from '@/legacy';\nrun(a);\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('@/legacy'));
    });
    expect(tight).toBe(`import {a} from '@/legacy';\nimport {make} from '@/c';\nrun(a);\n`);
  });

  it('beside a `require`, stays CommonJS', () => {
    const out = rewrite('case.js', `const { a } = require('./a');\nrun(a);\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('./a'));
    });
    expect(out).toBe(`const { a } = require('./a');\nconst { make } = require('./c');\nrun(a);\n`);
  });

  it('merges into an existing value import of the module', () => {
    const out = rewrite('case.ts', `import { other } from './c';\nimport { a } from './a';\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('./a'));
    });
    expect(out).toBe(`import { other, make } from './c';\nimport { a } from './a';\n`);
  });

  it('does not merge into an `import type` of the module: a value import goes on the next line', () => {
    const out = rewrite('case.ts', `import type { Options } from './c';\nimport { a } from './a';\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('./a'));
    });
    expect(out).toBe(`import type { Options } from './c';\nimport { a } from './a';\nimport { make } from './c';\n`);
  });

  it('finds an existing import, aliased or through a module move, and adds nothing', () => {
    const aliased = setUp('case.ts', `import { make as build } from './c';\n`);
    expect(aliased.model.findImport(file('c'), 'make')).toBe('build');
    expect(aliased.model.ensureImport(file('c'), 'make', null)).toBe('build');
    expect(rendered(aliased)).toBe(`import { make as build } from './c';\n`);

    const moved = setUp('case.ts', `import { make as build } from './old';\n`, { '/p/old.ts': 'c' });
    expect(moved.model.findImport(file('c'), 'make')).toBe('build');
    expect(moved.model.ensureImport(file('c'), 'make', null)).toBe('build');
    expect(rendered(moved)).toBe(`import { make as build } from './old';\n`);
  });

  it('replaces an import left unused by the rewrite that asked for it, below the header', () => {
    const setup = setUp('case.ts', `/* Copyright Example */\nimport { Engine } from './legacy';\nconst e = new Engine(ctx);\n`);
    const { model, file: source, spec, decl } = setup;
    const engine = spec('Engine');
    const [reference] = engine.binding!.references;
    expect(model.isLeftUnused(engine)).toBe(false);
    const edits = source.rewriteConstructCall(source.constructCall(reference)!, 'createEngine');
    setup.consume(reference);
    expect(model.isLeftUnused(engine)).toBe(true);
    model.ensureImport(file('c'), 'createEngine', decl('./legacy'));
    const all = new TextEdits();
    all.add(edits, 'direct-instantiation');
    model.plan();
    all.add(source.renderImports(model, specifierFor), 'imports');
    expect(all.splice(source.text)).toMatchObject({
      output: `/* Copyright Example */\nimport { createEngine } from './c';\nconst e = createEngine(ctx);\n`,
    });
  });
});

// ── merge by kind ───────────────────────────────────────────────────────────

describe('merge by kind', () => {
  it('never merges a moved value name into `import type`', () => {
    const out = rewrite('case.ts', `import type { T } from './c';\nimport { v, keep } from './a';\n`, ({ model, spec }) => {
      model.move(spec('v'), file('c'), 'v');
    });
    expect(out).toBe(`import type { T } from './c';\nimport { keep } from './a';\nimport { v } from './c';\n`);
  });

  it('never merges a type-only move into a value import: it stays `import type`', () => {
    const split = rewrite('case.ts', `import { v } from './c';\nimport type { T, U } from './a';\n`, ({ model, spec }) => {
      model.move(spec('T'), file('c'), 'T');
    });
    expect(split).toBe(`import { v } from './c';\nimport type { U } from './a';\nimport type { T } from './c';\n`);

    const whole = rewrite('case.ts', `import { v } from './c';\nimport type { T } from './a';\n`, ({ model, spec }) => {
      model.move(spec('T'), file('c'), 'T');
    });
    expect(whole).toBe(`import { v } from './c';\nimport type { T } from './c';\n`);
  });

  it('merges an inline `type` name into a value import as `type T`', () => {
    const out = rewrite('case.ts', `import { v } from './c';\nimport { type T, keep } from './a';\n`, ({ model, spec }) => {
      model.move(spec('T'), file('c'), 'T');
    });
    expect(out).toBe(`import { v, type T } from './c';\nimport { keep } from './a';\n`);
  });

  it('merges nothing into a namespace import', () => {
    const split = rewrite('case.ts', `import * as ns from './c';\nimport { v, keep } from './a';\n`, ({ model, spec }) => {
      model.move(spec('v'), file('c'), 'v');
    });
    expect(split).toBe(`import * as ns from './c';\nimport { keep } from './a';\nimport { v } from './c';\n`);

    const whole = rewrite('case.ts', `import * as ns from './c';\nimport { v } from './a';\n`, ({ model, spec }) => {
      model.move(spec('v'), file('c'), 'v');
    });
    expect(whole).toBe(`import * as ns from './c';\nimport { v } from './c';\n`);
  });

  it('merges a default import into an import of names as its default, never into a list or beside another default', () => {
    const out = rewrite('case.ts', `import { x } from './c';\nimport D from './a';\n`, ({ model, spec }) => {
      model.move(spec('D'), file('c'), 'default');
    });
    expect(out).toBe(`import D, { x } from './c';\n`);
    const named = rewrite('case.ts', `import {x} from './c';\nimport { Legacy as D, keep } from './a';\n`, ({ model, spec }) => {
      model.move(spec('D'), file('c'), 'default');
    });
    expect(named).toBe(`import D, {x} from './c';\nimport { keep } from './a';\n`);
    const taken = rewrite('case.ts', `import C, { x } from './c';\nimport D from './a';\n`, ({ model, spec }) => {
      model.move(spec('D'), file('c'), 'default');
    });
    expect(taken).toBe(`import C, { x } from './c';\nimport D from './c';\n`);
    const typeOnly = rewrite('case.ts', `import type { X } from './c';\nimport type { Legacy as D } from './a';\n`, ({ model, spec }) => {
      model.move(spec('D'), file('c'), 'default');
    });
    expect(typeOnly).toBe(`import type { X } from './c';\nimport type D from './c';\n`);
  });

  it('merges a default import that becomes a named one into the named list', () => {
    const out = rewrite('case.ts', `import { x } from './c';\nimport D from './a';\nrun(D);\n`, ({ model, spec }) => {
      model.move(spec('D'), file('c'), 'Named');
    });
    expect(out).toBe(`import { x, Named as D } from './c';\nrun(D);\n`);
  });

  it('adds named imports beside a default-only import: `import C, { v }`', () => {
    const out = rewrite('case.ts', `import C from './c';\nimport { v } from './a';\n`, ({ model, spec }) => {
      model.move(spec('v'), file('c'), 'v');
    });
    expect(out).toBe(`import C, { v } from './c';\n`);
  });

  it('gives names moved to one module from two declarations one declaration', () => {
    const out = rewrite('case.ts', `import { x } from './a';\nimport { y } from './b';\nrun(x, y);\n`, ({ model, spec }) => {
      model.move(spec('x'), file('c'), 'x');
      model.move(spec('y'), file('c'), 'y');
    });
    expect(out).toBe(`import { x, y } from './c';\nrun(x, y);\n`);
  });
});

// ── split ───────────────────────────────────────────────────────────────────

describe('split', () => {
  it('splits a declaration whose names move to two modules', () => {
    const out = rewrite('case.ts', `import { a, b } from './old';\n`, ({ model, spec }) => {
      model.move(spec('a'), file('a'), 'a');
      model.move(spec('b'), file('b'), 'b');
    });
    expect(out).toBe(`import { a } from './a';\nimport { b } from './b';\n`);
  });

  it('keeps the names that stay; the moved go to a new declaration on the next line', () => {
    const out = rewrite('case.ts', `import { keep, Old } from './legacy';\nrun(Old);\n`, ({ model, spec }) => {
      model.move(spec('Old'), file('c'), 'New');
    });
    expect(out).toBe(`import { keep } from './legacy';\nimport { New as Old } from './c';\nrun(Old);\n`);
  });

  it('keeps a multi-line list\'s layout and trailing comma where a name is removed from it', () => {
    const text = `import {\n  a,\n  b,\n  c,\n} from './old';\n`;
    const middle = rewrite('case.ts', text, ({ model, spec }) => {
      model.move(spec('b'), file('m'), 'b');
    });
    expect(middle).toBe(`import {\n  a,\n  c,\n} from './old';\nimport { b } from './m';\n`);

    const last = rewrite('case.ts', text, ({ model, spec }) => {
      model.move(spec('c'), file('m'), 'c');
    });
    expect(last).toBe(`import {\n  a,\n  b,\n} from './old';\nimport { c } from './m';\n`);

    const first = rewrite('case.ts', text, ({ model, spec }) => {
      model.move(spec('a'), file('m'), 'a');
    });
    expect(first).toBe(`import {\n  b,\n  c,\n} from './old';\nimport { a } from './m';\n`);
  });

  it('adds to a multi-line list one name per line, before its trailing comma', () => {
    const out = rewrite('case.ts', `import {\n  x,\n  y,\n} from './c';\nimport { v } from './a';\n`, ({ model, spec }) => {
      model.move(spec('v'), file('c'), 'v');
    });
    expect(out).toBe(`import {\n  x,\n  y,\n  v,\n} from './c';\n`);
  });

  it('repoints a declaration whose every name moves to one module in place: only the string changes, quote kept', () => {
    const text = `import { Old, b } from "./legacy" // the engine\n`;
    const out = rewrite('case.ts', text, ({ model, spec }) => {
      model.move(spec('Old'), file('c'), 'New');
      model.move(spec('b'), file('c'), 'b');
    });
    expect(out).toBe(`import { New as Old, b } from "./c" // the engine\n`);

    const unrenamed = rewrite('case.ts', `import {\n  a,\n  b,\n} from '@/legacy';\n`, ({ model, spec }) => {
      model.move(spec('a'), file('c'), 'a');
      model.move(spec('b'), file('c'), 'b');
    });
    expect(unrenamed).toBe(`import {\n  a,\n  b,\n} from '@/c';\n`);
  });

  it('writes a split-off declaration with the file\'s CRLF line ending', () => {
    const out = rewrite('case.ts', `import { a, b } from './old';\r\nrun(a, b);\r\n`, ({ model, spec }) => {
      model.move(spec('b'), file('m'), 'b');
    });
    expect(out).toBe(`import { a } from './old';\r\nimport { b } from './m';\r\nrun(a, b);\r\n`);
  });
});

// ── remove ──────────────────────────────────────────────────────────────────

describe('remove', () => {
  it('removes the statement and its line with its last specifier, not the header above it; keeps a BOM and CRLF', () => {
    const text = `\uFEFF/* Copyright Example */\r\n// SPDX-License-Identifier: MIT\r\nimport { a } from './a';\r\nrun();\r\n`;
    const out = rewrite('case.ts', text, ({ model, spec }) => model.remove(spec('a')));
    expect(out).toBe(`\uFEFF/* Copyright Example */\r\n// SPDX-License-Identifier: MIT\r\nrun();\r\n`);
  });

  it('keeps a BOM when the first line is removed', () => {
    const out = rewrite('case.ts', `\uFEFFimport { a } from './a';\r\nrun();\r\n`, ({ model, spec }) => model.remove(spec('a')));
    expect(out).toBe(`\uFEFFrun();\r\n`);
  });

  it('leaves no double semicolon after a directive', () => {
    const out = rewrite('case.ts', `'use strict';\nimport { a } from './a';\nrun();\n`, ({ model, spec }) => model.remove(spec('a')));
    expect(out).toBe(`'use strict';\nrun();\n`);
  });

  it('removes a name from the middle, the start or the end of a list with its comma', () => {
    const text = `import { a, b, c } from './m';\n`;
    expect(rewrite('case.ts', text, ({ model, spec }) => model.remove(spec('b')))).toBe(`import { a, c } from './m';\n`);
    expect(rewrite('case.ts', text, ({ model, spec }) => model.remove(spec('a')))).toBe(`import { b, c } from './m';\n`);
    expect(rewrite('case.ts', text, ({ model, spec }) => model.remove(spec('c')))).toBe(`import { a, b } from './m';\n`);
  });

  it('turns `import D, { a }` into `import D` when `a` is removed', () => {
    const one = rewrite('case.ts', `import D, { a } from './m';\n`, ({ model, spec }) => model.remove(spec('a')));
    expect(one).toBe(`import D from './m';\n`);
    const two = rewrite('case.ts', `import D, { a, b } from './m';\n`, ({ model, spec }) => {
      model.remove(spec('a'));
      model.remove(spec('b'));
    });
    expect(two).toBe(`import D from './m';\n`);
  });

  it('takes a removed default import and its comma out of `import D, { a }` and `import D, * as ns`', () => {
    expect(rewrite('case.ts', `import D, { a } from './m';\n`, ({ model, spec }) => model.remove(spec('D')))).toBe(`import { a } from './m';\n`);
    expect(rewrite('case.ts', `import D,{a} from './m';\n`, ({ model, spec }) => model.remove(spec('D')))).toBe(`import {a} from './m';\n`);
    expect(rewrite('case.ts', `import D, * as ns from './m';\n`, ({ model, spec }) => model.remove(spec('D')))).toBe(`import * as ns from './m';\n`);
    expect(rewrite('case.ts', `import D, * as ns from './m';\n`, ({ model, spec }) => model.remove(spec('ns')))).toBe(`import D from './m';\n`);
  });

  it('moves a default import out of `import D, { a }` and keeps `a` where it was', () => {
    const out = rewrite('case.ts', `import D, { a } from './old';\nrun(D, a);\n`, ({ model, spec }) => model.move(spec('D'), file('c'), 'default'));
    expect(out).toBe(`import { a } from './old';\nimport D from './c';\nrun(D, a);\n`);
  });

  it('removes an import only after a reference of it was consumed, and only when none is left', () => {
    const text = `import { Engine, Other } from './legacy';\nconst e = new Engine();\n`;
    const untouched = setUp('case.ts', text);
    expect(untouched.model.isLeftUnused(untouched.spec('Engine'))).toBe(false);
    expect(rendered(untouched)).toBe(text);

    const consumed = setUp('case.ts', text);
    consumed.consume(consumed.spec('Engine').binding!.references[0]);
    expect(consumed.model.isLeftUnused(consumed.spec('Engine'))).toBe(true);
    // Other was never used: it was not left unused by a rewrite, so it stays
    expect(consumed.model.isLeftUnused(consumed.spec('Other'))).toBe(false);
    expect(rendered(consumed)).toBe(`import { Other } from './legacy';\nconst e = new Engine();\n`);
  });
});

// ── render ──────────────────────────────────────────────────────────────────

describe('render', () => {
  it('writes a renamed specifier: `{ A as B }` ➔ `{ A }`', () => {
    const out = rewrite('case.ts', `import { A as B, c } from './m';\n`, ({ model, spec }) => model.rename(spec('B'), 'A'));
    expect(out).toBe(`import { A, c } from './m';\n`);
  });

  it('keeps `import type` and `export type` on split-off declarations', () => {
    const out = rewrite('case.ts', `import type { T, U } from './old';\nexport type { X, Y } from './old';\n`, ({ model, spec }) => {
      model.move(spec('T'), file('c'), 'T');
      model.move(spec('X'), file('c'), 'X');
    });
    expect(out).toBe(`import type { U } from './old';\nimport type { T } from './c';\nexport type { Y } from './old';\nexport type { X } from './c';\n`);
  });

  it('keeps an inline `type` modifier on a split-off specifier', () => {
    const out = rewrite('case.ts', `import { type T, v } from './old';\n`, ({ model, spec }) => {
      model.move(spec('T'), file('c'), 'T');
    });
    expect(out).toBe(`import { v } from './old';\nimport { type T } from './c';\n`);
  });

  it('copies import attributes onto a new declaration modelled on one that has them', () => {
    const out = rewrite('case.ts', `import { a, b } from './old' with { type: 'json' };\n`, ({ model, spec }) => {
      model.move(spec('b'), file('m'), 'b');
    });
    expect(out).toBe(`import { a } from './old' with { type: 'json' };\nimport { b } from './m' with { type: 'json' };\n`);
  });

  it('does not copy import attributes onto a factory asked for beside a declaration that has them', () => {
    const out = rewrite('case.ts', `import data from './data.json' with { type: 'json' };\nrun(data);\n`, ({ model, decl }) => {
      model.ensureImport(file('c'), 'make', decl('./data.json'));
    });
    expect(out).toBe(`import data from './data.json' with { type: 'json' };\nimport { make } from './c';\nrun(data);\n`);
  });

  it('keeps import attributes when a declaration is repointed or rebuilt', () => {
    const repointed = rewrite('case.ts', `import { a } from './old' with { type: 'json' };\n`, ({ model, spec }) => {
      model.move(spec('a'), file('m'), 'a');
    });
    expect(repointed).toBe(`import { a } from './m' with { type: 'json' };\n`);

    const rebuilt = rewrite('case.ts', `import data from './data.json' with { type: 'json' };\n`, ({ model, spec }) => {
      model.move(spec('data'), file('m'), 'data');
    });
    expect(rebuilt).toBe(`import { data } from './m' with { type: 'json' };\n`);
  });

  it('keeps a moved `export { x } from` an `export … from`, its public name kept', () => {
    const split = rewrite('case.ts', `export { x, keep } from './old';\n`, ({ model, spec }) => {
      model.move(spec('x'), file('c'), 'x');
    });
    expect(split).toBe(`export { keep } from './old';\nexport { x } from './c';\n`);

    const renamed = rewrite('case.ts', `export { Old } from './old';\n`, ({ model, spec }) => {
      model.move(spec('Old'), file('c'), 'New');
    });
    expect(renamed).toBe(`export { New as Old } from './c';\n`);

    const merged = rewrite('case.ts', `import { y } from './c';\nexport { z } from './c';\nexport { x } from './a';\n`, ({ model, spec }) => {
      model.move(spec('x'), file('c'), 'x');
    });
    expect(merged).toBe(`import { y } from './c';\nexport { z, x } from './c';\n`);
  });

  it('rebuilds a default import that becomes a named one', () => {
    const out = rewrite('case.ts', `import Engine from './engine';\nnew Engine();\n`, ({ model, spec }) => {
      model.move(spec('Engine'), file('c'), 'UserExecutionEngine');
    });
    expect(out).toBe(`import { UserExecutionEngine as Engine } from './c';\nnew Engine();\n`);
  });

  it('moves a `require` destructuring\'s name as `{ New: Old }`', () => {
    const out = rewrite('case.js', `const { Old, keep } = require('./legacy');\n`, ({ model, spec }) => {
      model.move(spec('Old'), file('c'), 'New');
    });
    expect(out).toBe(`const { keep } = require('./legacy');\nconst { New: Old } = require('./c');\n`);
  });
});

// ── idempotence ─────────────────────────────────────────────────────────────

describe('idempotence', () => {
  it('plans once: rendering (and so planning) again gives the same edits', () => {
    const setup = setUp('case.ts', `import { keep, v } from './a';\nimport { w } from './b';\nimport { x } from './c';\n`);
    const { model, spec, decl } = setup;
    model.move(spec('v'), file('m'), 'v');
    model.move(spec('w'), file('c'), 'w');
    model.ensureImport(file('engine'), 'createEngine', decl('./a'));
    model.plan();
    const first = setup.file.renderImports(model, specifierFor);
    model.plan();
    expect(setup.file.renderImports(model, specifierFor)).toEqual(first);
    expect(rendered(setup)).toBe(
      `import { keep } from './a';\nimport { v } from './m';\nimport { createEngine } from './engine';\nimport { x, w } from './c';\n`,
    );
  });
});
