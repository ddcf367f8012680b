/**
 * The jscodeshift face of a transform: `(file, api, options)`. The registry comes from `--config`,
 * else from the ssot.config.json found upward from the file. jscodeshift's own AST is not used: the
 * transform parses once, through the file's language, and splices edits into the original text.
 */
import * as path from 'node:path';
import { loadRegistry, findRegistryFile } from '../registry/load';
import type { Registry } from '../registry/types';
import type { TransformDefinition } from './index';
import { transformFile } from '../engine/pipeline';
import { findingLine, isFileError } from '../engine/results';

export interface JscodeshiftFile {
  path: string;
  source: string;
}

export interface JscodeshiftApi {
  report?: (message: string) => void;
}

export interface JscodeshiftOptions {
  config?: string;
  /** `--prefilter=false` parses every file, as a transform written for jscodeshift alone would. */
  prefilter?: boolean | string;
  [key: string]: unknown;
}

export type JscodeshiftTransform = (file: JscodeshiftFile, api: JscodeshiftApi, options: JscodeshiftOptions) => string | undefined;

const registries = new Map<string, Registry>();

function registryFor(filePath: string, options: JscodeshiftOptions): Registry {
  const configPath = options.config ? path.resolve(String(options.config)) : findRegistryFile(path.dirname(filePath));
  if (!configPath) throw new Error(`no ssot.config.json found above ${filePath}; pass --config`);
  let registry = registries.get(configPath);
  if (!registry) {
    registry = loadRegistry({ configPath });
    registries.set(configPath, registry);
  }
  return registry;
}

export function makeTransform(definition: TransformDefinition): JscodeshiftTransform {
  return (file, api, options) => {
    const filePath = path.resolve(file.path);
    const result = transformFile({
      path: filePath,
      source: file.source,
      registry: registryFor(filePath, options),
      transforms: [definition],
      prefilter: options.prefilter !== false && options.prefilter !== 'false',
    });
    for (const f of result.findings) api.report?.(findingLine(f));
    if (result.status === 'failed') {
      const [first] = result.findings.filter((f) => isFileError(f.kind));
      throw new Error(first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : `${filePath}: failed`);
    }
    return result.status === 'changed' ? result.output : undefined;
  };
}
