export { transformFile, type TransformFileOptions } from './pipeline';
export { selectTransforms, TRANSFORM_DESCRIPTIONS } from './all-transforms';
export { TRANSFORM_ORDER, type TransformDefinition, type TransformName } from './transform-api';
export { loadRegistry, findRegistryFile, RegistryError } from './registry';
export type { Registry } from './registry-types';
export { parseSource, SourceParseError } from './parse';
export type { Finding, FindingKind, FileResult, FileStatus } from './findings';
export { ModuleResolver, moduleKey, type ModuleRef } from './resolve';
export { discoverFiles, type DiscoveredFiles, type DiscoverOptions, type SkipNote } from './discover';
export { readSource, DEFAULT_MAX_BYTES, type ReadSourceOptions, type SourceRead } from './read-source';
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
} from './check-report';
