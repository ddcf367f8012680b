/**
 * The registry's JSON Schema is composed, not copied: the base schema plus each language's own settings.
 * The file editors read is what the loader validates against, and a language's settings are validated
 * without any change to the base.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Language } from '../../src/languages/language';
import { removeTempDirs, tempTree } from '../helpers/temp-repo';

const SETTINGS = {
  key: 'toy',
  schema: { type: 'object', additionalProperties: false, properties: { roots: { type: 'array', items: { type: 'string' }, description: 'folders' } } },
};

jest.mock('../../src/languages', () => {
  const actual = jest.requireActual('../../src/languages');
  const toy: Language = {
    id: 'toy',
    name: 'Toy',
    settings: SETTINGS,
    defaultInclude: ['**/*.toy'],
    words: jest.requireActual('../../src/languages/javascript/words').JAVASCRIPT_WORDS,
    handles: (file) => file.endsWith('.toy'),
    // The registries here name no module: the toy language needs no module system of its own.
    moduleSystem: (setup) => actual.LANGUAGES[0].moduleSystem({ ...setup, settings: undefined }),
    parse: () => {
      throw new Error('not reached: no toy file is read');
    },
  };
  return { ...actual, LANGUAGES: [...actual.LANGUAGES, toy] };
});

import { REGISTRY_SCHEMA } from '../../src/registry/schema';
import { loadRegistry, RegistryError } from '../../src/registry/load';

afterAll(removeTempDirs);

describe('the registry schema', () => {
  it('is the base schema with each language\'s settings after `exclude`', () => {
    expect(Object.keys(REGISTRY_SCHEMA.properties)).toEqual(['$schema', 'include', 'exclude', 'tsconfig', 'python', 'toy', 'modules', 'symbols']);
    expect(REGISTRY_SCHEMA.properties.toy).toBe(SETTINGS.schema);
  });

  it('validates a language\'s settings, and names them among the known keys', () => {
    const load = (config: object) => {
      const root = tempTree({ 'ssot.config.json': JSON.stringify(config) });
      return () => loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
    };
    expect(load({ toy: { roots: ['src'] } })).not.toThrow();
    expect(load({ toy: { roots: [1] } })).toThrow(RegistryError);
    expect(load({ toy: { roots: [1] } })).toThrow('$.toy.roots[0]: number 1 is not a string');
    expect(load({ toys: {} })).toThrow('$.toys: unknown key (expected one of: include, exclude, tsconfig, python, toy, modules, symbols)');
  });
});

describe('the schema file editors read', () => {
  it('is what the loader validates against, written by the build', () => {
    jest.isolateModules(() => {
      jest.unmock('../../src/languages');
      const { REGISTRY_SCHEMA: real } = jest.requireActual('../../src/registry/schema');
      const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'ssot.config.schema.json'), 'utf8'));
      expect(shipped).toEqual(JSON.parse(JSON.stringify(real)));
      expect(shipped.properties.tsconfig.type).toBe('string');
    });
  });
});
