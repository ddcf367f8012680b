/** The jscodeshift face of `aliased-imports`: `npx jscodeshift -t node_modules/ssot-codemods/dist/transforms/aliased-imports.js`. */
import { makeTransform } from '../src/transforms/jscodeshift';
import { aliasedImports, name } from '../src/transforms/aliased-imports';

export { aliasedImports, name };
export default makeTransform({ name, run: aliasedImports });
