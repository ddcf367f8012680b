/**
 * toy: a deliberately small second language, used only by tests, to prove the language seam: nothing
 * outside this folder knows it, but its one line in LANGUAGES (a test's jest.mock of src/languages).
 * Syntax: parse.ts.
 *
 * Seam gaps this rehearsal met (src/ left as it is; see the commit that added this folder):
 *  - readImports must build the import model's own mutable records, planning fields included (source-file.ts).
 *  - renderImports receives the model unplanned: a language that forgets model.plan() drops moved imports.
 *  - The ImportModel plan must be re-rendered from scratch by every language (ToyImportWriter).
 *  - Registry names go to the first language that resolves them (JS claims `src/a.toy`; a name in both
 *    languages silently goes to JS); an unresolved toy name gets only JS's advice.
 *  - Messages and check's import forms are spelled in JS (`new X()`, `export * chains`, `'spec' A as B`).
 */
import type { Language } from '../../../src/languages/language';
import { ToyModules, EXTENSION } from './module-system';
import { ToyFile } from './source-file';

export const toy: Language = {
  id: 'toy',
  name: 'Toy',
  settings: {
    key: 'toy',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignore: {
          type: 'array',
          items: { type: 'string', minLength: 1, description: "a glob relative to the registry's folder" },
          description: 'globs of folders that never hold toy sources',
        },
      },
      description: 'the toy language\'s settings: { "ignore": [globs] }',
    },
  },
  defaultInclude: ['**/*.toy'],
  handles: (file) => file.endsWith(EXTENSION),
  moduleSystem: (setup) => new ToyModules(toy, setup),
  parse: (path, text) => new ToyFile(path, text),
};
