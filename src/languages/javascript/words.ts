import type { LanguageWords } from '../language';

/** How messages name JavaScript's constructs. */
export const JAVASCRIPT_WORDS: LanguageWords = {
  bareImport: 'side-effect import',
  namespaceImport: 'namespace import',
  constructed: 'constructed with new',
  extended: 'extended',
  spreadArguments: 'spread arguments',
  reexportChains: 'export … from / export * chains',
  openExports: 'an export * from a module that cannot be read, or CommonJS built at run time',
  importForm: (specifier, name, alias) => `'${specifier}' ${name}${alias ? ` as ${alias}` : ''}`,
};
