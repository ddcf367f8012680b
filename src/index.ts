export { transformFile, type TransformFileOptions } from './engine/pipeline';
export { selectTransforms, TRANSFORM_DESCRIPTIONS, TRANSFORM_ORDER, type TransformDefinition, type TransformName } from './transforms';
export { UserError } from './shared/errors';
export { loadRegistry, findRegistryFile, RegistryError } from './registry/load';
export type { Registry } from './registry/types';
export { parseSource, SourceParseError } from './languages/javascript/parse';
export type { Finding, FileResult, FileStatus } from './engine/results';
export type { FindingKind } from './transforms';
export { ModuleResolver, moduleKey, type ModuleRef } from './languages/javascript/resolve';
export { discoverFiles, type DiscoveredFiles, type DiscoverOptions, type SkipNote } from './runner/discover';
export { readSource, DEFAULT_MAX_BYTES, type ReadSourceOptions, type SourceRead } from './runner/read-source';
export {
  buildCheckReport,
  formatText,
  formatJson,
  formatMarkdown,
  formatSarif,
  evaluateGates,
  toBaseline,
  parseBaseline,
  BaselineError,
  VIOLATION_CATEGORIES,
  type CheckReport,
  type Baseline,
  type GateOptions,
  type GateResult,
  type TextOptions,
  type ViolationCategory,
  type ViolationCounts,
} from './report';
