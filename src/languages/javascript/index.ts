/** JavaScript and TypeScript, in every flavour of file they come in: the first language behind the seam. */
import type { Language } from '../language';
import { JavaScriptModules } from './module-system';
import { parseSourceWithSettings } from './parse';
import { parseHead } from './prologue';
import { JavaScriptFile } from './source-file';
import { JAVASCRIPT_WORDS } from './words';
import { surveyModule } from './survey';
import { formatterMissing } from './style';

export const javascript: Language = {
  id: 'javascript',
  name: 'JS/TS',
  settings: {
    key: 'tsconfig',
    schema: {
      type: 'string',
      minLength: 1,
      description: "the path of a tsconfig.json relative to the registry's folder, whose baseUrl and paths apply (default: tsconfig.json beside the registry, if there is one)",
    },
  },
  defaultInclude: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'],
  words: JAVASCRIPT_WORDS,
  handles: (file) => /\.(?:[cm]?[jt]s|[jt]sx)$/i.test(file),
  moduleSystem: (setup) => new JavaScriptModules(javascript, setup),
  parse: (path, text) => {
    const { ast, settings } = parseSourceWithSettings(text, path);
    return new JavaScriptFile(path, text, ast, settings);
  },
  parseHead: (path, text, needs) => {
    const head = parseHead(text, path, needs);
    return head && new JavaScriptFile(path, text, head.ast, head.settings, head.end);
  },
  survey: surveyModule,
  formatterMissing,
};
