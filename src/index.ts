/**
 * The library: what a program needs to do what the CLI does, and no more. Load a registry, run the
 * transforms on one file and read its result, run `check` or `apply` as the CLI does (they return what
 * happened; nothing is printed), read the table of transforms, and format a report. Every type these
 * signatures use can be named from here; everything else (the engine's insides, a language's syntax tree,
 * the runner, the journal) is internal and may change.
 */

// A registry.
export { loadRegistry, findRegistryFile, DEFAULT_INCLUDE, REGISTRY_FILE_NAME, RegistryError, type LoadRegistryOptions } from './registry/load';
export type { Registry, RegistryNote, CanonicalSymbol, LegacySymbol, ConstructRule, ModuleMove } from './registry/types';
export type { ProjectResolver } from './registry/project-resolver';
export type { Prefilter } from './registry/prefilter';
export { moduleKey } from './languages/language';
export type {
  ModuleRef, ModuleSystem, ModuleSystemSetup, ModuleExports, Language, LanguagePrefilter, ModuleSurvey, SourceFile, SpecifierWriter,
  Span, TextEdit, Scopes, Binding, Reference, ReferenceContext, ModuleString, ModuleMember, ConstructCall, SetupMock, RenderOptions,
  LanguageWords, NameUse, ScopeNeeds,
} from './languages/language';

// One file.
export { transformFile, type TransformFileOptions, type RunMode } from './engine/pipeline';
export { ENGINE_FINDINGS, isFileError } from './engine/results';
export type { FileResult, FileStatus, Finding, FileUsage, SymbolUsage, FindingRule, EngineFindingKind, FileErrorKind } from './engine/results';
export type { Transform } from './engine/transform';
export type { FileContext } from './engine/file-context';
export type { ImportModel, ImportModelContext, ImportDecl, ImportSpec, ReadDeclaration, ReadName } from './languages/import-model';
export type { TextEdits, MadeEdit, Splice } from './engine/text-edits';

// The transforms.
export { TRANSFORMS, TRANSFORM_ORDER, TRANSFORM_DESCRIPTIONS, TRANSFORM_FINDINGS, selectTransforms } from './transforms';
export { directInstantiation } from './transforms/direct-instantiation';
export { consolidatedPaths } from './transforms/consolidated-paths';
export { aliasedImports } from './transforms/aliased-imports';
export type {
  TransformDefinition, TransformName, TransformRow, TransformFindingRule, TransformFinding, TransformFindingKind, FindingKind,
} from './transforms';

// `check` and `apply`, as the CLI runs them.
export { runCheck, type CheckOptions, type CheckOutcome, type CheckFormat } from './cli/check';
export { runApply, type ApplyOptions, type ApplyOutcome, type StopReason } from './cli/apply/index';
export { formatSummary, type ApplySummary, type BatchOutcome, type BatchStatus, type BatchProgress, type SummaryFormat } from './cli/apply/summary';
export type { TransformCounts } from './cli/apply/plan';
export type { Batch, BatchBy } from './batches/plan';
export type { SkipNote } from './runner/discover';
export type { RecoveryResult, JournalState } from './batches/journal';
export type { ClearedCommit, PendingCommit } from './vcs/batch-commit';
export { UsageError, type InterruptedState } from './cli/session';
export { UserError } from './shared/errors';

// Reports.
export {
  buildCheckReport, formatText, formatJson, formatMarkdown, formatSarif, evaluateGates, toBaseline, parseBaseline, BaselineError,
  VIOLATION_CATEGORIES, type CheckReport, type Baseline, type GateOptions, type GateResult, type TextOptions,
  type ViolationCategory, type ViolationCounts,
} from './report';
export type { ReportFinding, ReportError, LegacyModuleReport, ImportForm, SymbolPatterns, FileCounts } from './report/types';
