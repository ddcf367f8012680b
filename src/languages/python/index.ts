/** Python (`.py`, `.pyi`): the second language behind the seam. README: "Python". */
import type { Language, ModuleSystem } from '../language';
import { parser, PythonModules, PYTHON_SETTINGS_SCHEMA } from './module-system';

/** The file model on pyright's parser, loaded with the first Python file (module-system.ts says why). */
const sourceFile = (): typeof import('./source-file') => require('./source-file');

export const python: Language = {
  id: 'python',
  name: 'Python',
  settings: { key: 'python', schema: PYTHON_SETTINGS_SCHEMA },
  defaultInclude: ['**/*.py', '**/*.pyi'],
  rewritesCanonicalModules: true,
  words: {
    bareImport: 'import',
    namespaceImport: 'module import',
    constructed: 'called',
    extended: 'subclassed',
    spreadArguments: 'star arguments',
    reexportChains: 'imports, from … import * chains and __all__',
    openExports: 'a module-level __getattr__, or a from … import * that cannot be followed',
    importForm: (specifier, name, alias) => `from ${specifier} import ${name}${alias ? ` as ${alias}` : ''}`,
  },
  handles: (file) => /\.pyi?$/i.test(file),
  moduleSystem: (setup) => new PythonModules(python, setup),
  parse: (path, text, system?: ModuleSystem) => {
    const { parsePython, DEFAULT_PYTHON_VERSION } = parser();
    const version = system instanceof PythonModules ? system.version : DEFAULT_PYTHON_VERSION;
    return new (sourceFile().PythonFile)(path, text, parsePython(path, text, version));
  },
};
