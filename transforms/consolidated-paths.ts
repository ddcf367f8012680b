/** The jscodeshift face of `consolidated-paths`: `npx jscodeshift -t node_modules/ssot-codemods/dist/transforms/consolidated-paths.js`. */
import { makeTransform } from '../src/transforms/jscodeshift';
import { consolidatedPaths, name } from '../src/transforms/consolidated-paths';

export { consolidatedPaths, name };
export default makeTransform({ name, run: consolidatedPaths });
