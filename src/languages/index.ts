/**
 * The languages the engine serves, in the order they claim a file. A file that no language claims is
 * read as the first one's, as today a file the `include` globs ask for is read as JavaScript.
 */
import type { Language } from './language';
import { javascript } from './javascript';

export const LANGUAGES: readonly Language[] = [javascript];

export function languageOfFile(file: string): Language {
  return LANGUAGES.find((language) => language.handles(file)) ?? LANGUAGES[0];
}
