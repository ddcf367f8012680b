/**
 * What a tsconfig extends is walked before get-tsconfig reads it: every file of the chain must lie inside
 * the repository, by its path and through links; a package is looked for in the repository's node_modules.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extendsOutside } from '../../../src/languages/javascript/tsconfig-chain';
import { removeTempDirs, tempTree } from '../../helpers/temp-repo';

afterAll(removeTempDirs);

const json = (value: unknown): string => JSON.stringify(value);

describe('extendsOutside', () => {
  it('follows relative files, folders, arrays and packages inside the tree: nothing leads out', () => {
    const tree = tempTree({
      'tsconfig.base.json': json({ extends: '@tsconfig/node20/tsconfig.json' }),
      'node_modules/@tsconfig/node20/tsconfig.json': json({ compilerOptions: {} }),
      'shared/tsconfig.json': json({ compilerOptions: {} }),
      'pkg/a/tsconfig.json': json({ extends: ['../../tsconfig.base', '../../shared'] }),
    });
    expect(extendsOutside(path.join(tree, 'pkg/a/tsconfig.json'), tree)).toBeNull();
  });

  it('names the first extends that leads out: by path, through a link, or to a package found only above the tree', () => {
    const parent = tempTree({ 'secret.json': '{}', 'node_modules/above/tsconfig.json': '{}' });
    const tree = path.join(parent, 'repo');
    fs.mkdirSync(tree);
    fs.writeFileSync(path.join(tree, 'by-path.json'), json({ extends: './ok.json' }));
    fs.writeFileSync(path.join(tree, 'ok.json'), json({ extends: '../secret.json' }));
    expect(extendsOutside(path.join(tree, 'by-path.json'), tree)).toEqual({ file: fs.realpathSync(path.join(tree, 'ok.json')), extends: '../secret.json' });
    fs.symlinkSync(path.join(parent, 'secret.json'), path.join(tree, 'linked.json'));
    fs.writeFileSync(path.join(tree, 'through-link.json'), json({ extends: './linked.json' }));
    expect(extendsOutside(path.join(tree, 'through-link.json'), tree)?.extends).toBe('./linked.json');
    fs.writeFileSync(path.join(tree, 'package.json'), json({ extends: 'above/tsconfig.json' }));
    expect(extendsOutside(path.join(tree, 'package.json'), tree)?.extends).toBe('above/tsconfig.json');
  });
});
