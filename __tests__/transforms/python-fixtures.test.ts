/**
 * The three transforms on Python files: every case of __testfixtures__/python/<transform>/ runs as
 * `netra_backend/app/consumers/<case>.py` of the Python fixture project (__testfixtures__/python/project),
 * whose registry names its modules dotted and by path; each case also runs on its own output, which must
 * come back unchanged.
 */
import { directInstantiation } from '../../src/transforms/direct-instantiation';
import { consolidatedPaths } from '../../src/transforms/consolidated-paths';
import { aliasedImports } from '../../src/transforms/aliased-imports';
import { describeFixtures, PYTHON_PROJECT } from '../helpers/fixtures';

describe('Python: direct-instantiation', () => {
  describeFixtures('python/direct-instantiation', [{ name: 'direct-instantiation', run: directInstantiation }], PYTHON_PROJECT);
});

describe('Python: consolidated-paths', () => {
  describeFixtures('python/consolidated-paths', [{ name: 'consolidated-paths', run: consolidatedPaths }], PYTHON_PROJECT);
});

describe('Python: aliased-imports', () => {
  describeFixtures('python/aliased-imports', [{ name: 'aliased-imports', run: aliasedImports }], PYTHON_PROJECT);
});
