/** What `init` reads in a JS/TS file: a file that only re-exports, and `@deprecated` marks. */
import { surveyModule } from '../../../src/languages/javascript/survey';

const survey = (text: string, file = '/p/src/m.ts') => surveyModule(file, text);

describe('a file that only hands other modules on', () => {
  it('export * from, export { … } from, renamed or not, type-only, from several modules', () => {
    expect(survey("export * from './new';\n").reexportsOnly).toEqual([{ specifier: './new', names: 'all' }]);
    expect(survey("// header\nexport { A as B, C } from './new';\nexport type { T } from './types';\n").reexportsOnly).toEqual([
      { specifier: './new', names: [{ exported: 'B', imported: 'A' }, { exported: 'C', imported: 'C' }] },
      { specifier: './types', names: [{ exported: 'T', imported: 'T' }] },
    ]);
    expect(survey("export { default } from './new';").reexportsOnly).toEqual([{ specifier: './new', names: [{ exported: 'default', imported: 'default' }] }]);
  });

  it('redirect stubs: module.exports = require(…), and an import handed straight on', () => {
    expect(survey("'use strict';\nmodule.exports = require('./new');\n", '/p/src/m.js').reexportsOnly).toEqual([{ specifier: './new', names: 'all' }]);
    expect(survey("import { Engine } from './new';\nimport Old from './old';\nexport { Engine as LegacyEngine };\nexport default Old;\n").reexportsOnly).toEqual([
      { specifier: './new', names: [{ exported: 'LegacyEngine', imported: 'Engine' }] },
      { specifier: './old', names: [{ exported: 'default', imported: 'default' }] },
    ]);
  });

  it('is null for a file that does anything else: its own code, an import it uses, a namespace, an empty file', () => {
    expect(survey("export * from './new';\nexport const x = 1;\n").reexportsOnly).toBeNull();
    expect(survey("import { a } from './a';\nexport { a };\nconsole.log(a);\n").reexportsOnly).toBeNull();
    expect(survey("import { a, b } from './a';\nexport { a };\n").reexportsOnly).toBeNull();
    expect(survey("export * as ns from './new';\n").reexportsOnly).toBeNull();
    expect(survey("import * as all from './new';\nexport { all };\n").reexportsOnly).toBeNull();
    expect(survey('// nothing\n').reexportsOnly).toBeNull();
  });
});

describe('@deprecated', () => {
  it('in the file header marks the module; on an export, that export', () => {
    const header = survey("/**\n * @file The old engine.\n * @deprecated use ./new instead\n */\nexport class Old {}\n/** @deprecated use makeNew */\nexport function makeOld() {}\nexport const fine = 1;\n");
    expect(header.deprecated).toBe('use ./new instead');
    expect(header.deprecatedExports).toEqual([{ name: 'makeOld', note: 'use makeNew' }]);
    const first = survey('/** @deprecated use New */\nexport class Old {}\n');
    expect(first).toMatchObject({ deprecated: null, deprecatedExports: [{ name: 'Old', note: 'use New' }] });
    const moduleOnly = survey("// @deprecated: this module is going away\nimport { a } from './a';\nexport const b = a;\n");
    expect(moduleOnly).toMatchObject({ deprecated: 'this module is going away', deprecatedExports: [] });
  });

  it('an overloaded function is deprecated only when every signature callers see is marked', () => {
    // One deprecated overload (a parameter going away, as rxjs marks `of(…, scheduler)`): still the API to use.
    const oneOfTwo = survey("/** @deprecated pass no scheduler */\nexport function of(a: number, s: object): void;\nexport function of(a: number): void;\n/** Makes a value. */\nexport function of(...args: unknown[]) {}\n");
    expect(oneOfTwo.deprecatedExports).toEqual([]);
    // Every overload marked; the implementation signature, never seen by callers, carries no mark.
    const all = survey("/** @deprecated use make */\nexport function old(a: number): void;\n/** @deprecated use make */\nexport function old(a: string): void;\nexport function old(a: unknown) {}\n");
    expect(all.deprecatedExports).toEqual([{ name: 'old', note: 'use make' }]);
    // A name exported twice, one of them unmarked; a bare @deprecated tag, with no note, still marks.
    const twice = survey("/** @deprecated use New */\nexport const Old = 1;\nexport { Old as Older };\nexport { Old as Oldest };\n/** @deprecated */\nexport { Old as Older2 };\n");
    expect(twice.deprecatedExports).toEqual([{ name: 'Old', note: 'use New' }, { name: 'Older2', note: '' }]);
  });

  it('finds nothing where nothing is marked', () => {
    expect(survey('export class Fine {}\n')).toEqual({ reexportsOnly: null, deprecated: null, deprecatedExports: [] });
  });
});
