/**
 * toy: a deliberately small second language, used only by tests, to prove the language seam: nothing
 * outside this folder knows it, but its one line in LANGUAGES (a test's jest.mock of src/languages).
 * Syntax: parse.ts.
 *
 * What this rehearsal still shows (the seam's first gaps it found are closed; see the commit history):
 *  - every language writes the import model's plan from scratch (ToyImportWriter beside the JavaScript one);
 *  - (its words, below, are how messages and check's import patterns name toy's constructs.)
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
  words: {
    bareImport: 'use',
    namespaceImport: 'use',
    constructed: 'constructed with new',
    extended: 'extended',
    spreadArguments: 'spread arguments',
    reexportChains: 'its export lines',
    openExports: 'none: a toy module lists every export',
    importForm: (specifier, name, alias) => `use ${name}${alias ? ` as ${alias}` : ''} from "${specifier}"`,
  },
  handles: (file) => file.endsWith(EXTENSION),
  moduleSystem: (setup) => new ToyModules(toy, setup),
  parse: (path, text) => new ToyFile(path, text),
};
