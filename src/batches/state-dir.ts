import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where a run keeps its lock and its journal; git ignores it through its own `.gitignore`. */
export const STATE_DIR_NAME = '.ssot-codemod';

export function stateDir(root: string): string {
  return path.join(root, STATE_DIR_NAME);
}

export function ensureStateDir(root: string): string {
  const dir = stateDir(root);
  fs.mkdirSync(dir, { recursive: true });
  const gitignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(gitignore)) fs.writeFileSync(gitignore, '*\n');
  return dir;
}
