import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadRegistry } from '../../src/registry/load';
import { mentionsRegistry } from '../../src/registry/prefilter';
import { discoverFiles } from '../../src/runner/discover';
import type { Registry } from '../../src/registry/types';

/** A tree's registry, and every file of it that the pre-filter passes, with its text. */
export function candidatesOf(root: string): { registry: Registry; files: { file: string; source: string }[] } {
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const files = discoverFiles(registry).files
    .map((file) => ({ file, source: fs.readFileSync(file, 'utf8') }))
    .filter(({ file, source }) => mentionsRegistry(registry, source, file));
  return { registry, files };
}
