export { transformFile, type TransformFileOptions } from './pipeline';
export { selectTransforms, TRANSFORM_DESCRIPTIONS } from './all-transforms';
export { TRANSFORM_ORDER, type TransformDefinition, type TransformName } from './transform-api';
export { loadRegistry, findRegistryFile, RegistryError } from './registry';
export type { Registry } from './registry-types';
export { parseSource, SourceParseError } from './parse';
export type { Finding, FindingKind, FileResult, FileStatus } from './findings';
export { ModuleResolver, moduleKey, type ModuleRef } from './resolve';
