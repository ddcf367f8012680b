/** The jscodeshift face of `aliased-imports`: `npx jscodeshift -t node_modules/ssot-codemods/transforms/aliased-imports`. */
import { makeTransform } from '../src/transforms/jscodeshift';
import { aliasedImports, name } from '../src/transforms/aliased-imports';

export { aliasedImports, name };
export default makeTransform({ name, run: aliasedImports });
