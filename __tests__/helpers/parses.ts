import { parseSource } from '../../src/languages/javascript/parse';

/** Whether Babel, under the settings the file's extension chooses, parses `text` as a whole. */
export function parsesWhole(file: string, text: string): boolean {
  try {
    parseSource(text, file);
    return true;
  } catch {
    return false;
  }
}
