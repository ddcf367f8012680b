/** The jscodeshift face of `consolidated-paths`: `npx jscodeshift -t node_modules/ssot-codemods/transforms/consolidated-paths`. */
import { makeTransform } from '../src/transforms/jscodeshift';
import { consolidatedPaths, name } from '../src/transforms/consolidated-paths';

export { consolidatedPaths, name };
export default makeTransform({ name, run: consolidatedPaths });
