import type { TextEdit } from '../languages/language';
import { compareStrings } from '../shared/paths';

/** What a kind of finding means to a reader: as code-scanning UIs show it (SARIF's rule level and description). */
export interface FindingRule {
  kind: string;
  level: 'error' | 'warning' | 'note';
  /** One sentence: what it is. */
  description: string;
  /** What it means and what to do about it, for a reader who meets it in code scanning. */
  help: string;
}

/**
 * The kinds that are no one transform's own: a conflict, a cycle or a mock boundary, which any transform
 * may meet when it leaves a site as it is, and the file errors, which mark a file left as it was without being measured or rewritten. Each transform's own
 * kinds are in its row of TRANSFORMS; this table's order is the order SARIF lists them in, after those.
 */
export const ENGINE_FINDINGS = [
  {
    kind: 'conflict', leavesSite: true, level: 'note', description: 'A site left as it is because the canonical name is already taken in the file.',
    help: 'The canonical name (or the factory\'s) already means something else in this file, so the rewrite would change what the code refers to. Rename the other binding, then run ssot-codemod apply again.',
  },
  {
    kind: 'cycle', leavesSite: true, level: 'note', description: 'A site left as it is because the canonical module loads this file: importing it here would close an import cycle.',
    help: 'The canonical module imports or re-exports this file, directly or through others, so importing it here would close an import cycle. Keep the import as it is, or move what this file needs out of the cycle first.',
  },
  {
    kind: 'mock-boundary', leavesSite: true, level: 'note', description: 'A site left as it is because a test runner mocks the module it would move from or to (in the file or in a setup file): the file would get the mock instead of the real module, or the reverse.',
    help: 'The test (or its runner\'s setup files) mocks the module the import would move from or to, so the file would get the mock instead of the real module, or the reverse. Migrate it by hand, together with the mock.',
  },
  {
    kind: 'parse-error', fileError: true, level: 'error', description: 'The file does not parse: it was neither measured nor rewritten.',
    help: 'The parser chosen by the file\'s extension could not read it. Fix the syntax error at the given position (or exclude the file in ssot.config.json) and run again.',
  },
  {
    kind: 'transform-bug', fileError: true, level: 'error', description: 'A transform failed on this file, or its rewrite would not parse: the file was left as it was. Please report it.',
    help: 'This is a bug of ssot-codemod, not of the code: nothing was written to the file. Migrate it by hand for now, and report the file (or a reduced copy) with the message.',
  },
  {
    kind: 'timeout', fileError: true, level: 'error', description: 'The file took longer than the per-file time limit: it was neither measured nor rewritten.',
    help: 'Parsing and transforming the file took longer than --file-timeout (20 seconds by default). Raise the limit for this run, or exclude the file (generated code, usually).',
  },
] as const satisfies readonly (FindingRule & { fileError?: true; leavesSite?: true })[];

/** The kinds the engine reports itself; the transforms' kinds are in their rows (src/transforms/table.ts). */
export type EngineFindingKind = (typeof ENGINE_FINDINGS)[number]['kind'];

/** The kinds that mean a file was left as it was without being measured or rewritten. */
export type FileErrorKind = Extract<(typeof ENGINE_FINDINGS)[number], { fileError: true }>['kind'];

const FILE_ERRORS: ReadonlySet<string> = new Set(ENGINE_FINDINGS.filter((rule) => 'fileError' in rule).map((rule) => rule.kind));

export function isFileError(kind: string): kind is FileErrorKind {
  return FILE_ERRORS.has(kind);
}

const LEAVES_SITE: ReadonlySet<string> = new Set(ENGINE_FINDINGS.filter((rule) => 'leavesSite' in rule).map((rule) => rule.kind));

/** The kinds that say a site at the same place was left as it is (a conflict, a cycle, a mock): apply does not fix it. */
export function leavesSiteAsItIs(kind: string): boolean {
  return LEAVES_SITE.has(kind);
}

export interface Finding {
  /** Path of the file, as given to the engine (the CLI makes it relative to the registry's folder). */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /**
   * One of the engine's kinds or a transform's (`FindingKind` in src/transforms, which knows them all).
   * The engine runs transforms without knowing them, so it holds the kind as a name.
   */
  kind: string;
  message: string;
}

/** A finding as every output prints it (text, summaries, Markdown, jscodeshift's report): `path:line:column: kind: message`. */
export function findingLine(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}: ${finding.kind}: ${finding.message}`;
}

/** The one order findings are listed in, everywhere: by file, line and column, then kind and message. */
export function compareFindings(a: Finding, b: Finding): number {
  return compareStrings(a.file, b.file) || a.line - b.line || a.column - b.column || compareStrings(a.kind, b.kind) || compareStrings(a.message, b.message);
}

/** The closed set of outcomes for one file. */
export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FileResult {
  file: string;
  status: FileStatus;
  /** The new text; present only when status is 'changed'. */
  output?: string;
  /** The edits that made `output` from the file's text, in order, none overlapping; with `output`. */
  edits?: TextEdit[];
  findings: Finding[];
  /** Names of the transforms that changed this file, in the order they ran. */
  changedBy: string[];
  /** Every fragmented site found, fixed or not: what `check` counts. */
  sites: Finding[];
  /**
   * Import sites that already reach a registry symbol the canonical way. Counted in full in `measure`
   * mode; in `rewrite` mode a file that names canonical modules only, unaliased, is not parsed and counts 0.
   */
  canonicalSites: number;
  /** In `measure` mode: the symbols and legacy modules the file reaches, before any rewrite. */
  usage?: FileUsage;
}

export interface SymbolUsage {
  /** Key of the canonical symbol: `<canonical module key>#<name>`. */
  symbol: string;
  /** How the file reaches it: `'<specifier>' <imported> as <local>`. */
  form: string;
  canonical: boolean;
  line: number;
}

/** What `check` measures in a file before anything is rewritten (usage.ts). */
export interface FileUsage {
  symbols: SymbolUsage[];
  /** Keys of the legacy modules this file references. */
  legacyModules: string[];
}
