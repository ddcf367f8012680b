/** The jscodeshift face of `direct-instantiation`: `npx jscodeshift -t node_modules/ssot-codemods/dist/transforms/direct-instantiation.js`. */
import { makeTransform } from '../src/transforms/jscodeshift';
import { directInstantiation, name } from '../src/transforms/direct-instantiation';

export { directInstantiation, name };
export default makeTransform({ name, run: directInstantiation });
