/**
 * The one table of transforms: adding a transform is its rule file, a row here, and its jscodeshift face
 * in transforms/. Everything else that is per transform (order, the `transforms` listing, `-t` names,
 * finding kinds, check's categories, SARIF rules) is derived from it, in ./index.ts and the report.
 */
import type { FileContext } from '../engine/file-context';
import type { EngineFindingKind, FindingRule } from '../engine/results';
import type { Transform } from '../engine/transform';
import { directInstantiation } from './direct-instantiation';
import { consolidatedPaths } from './consolidated-paths';
import { aliasedImports } from './aliased-imports';

/** A kind of finding a transform reports, and whether `check` counts it. */
export interface TransformFindingRule extends FindingRule {
  /**
   * Makes the kind a violation category that `check` counts, of import sites (canonical usage is measured
   * against those) or of use sites (such as a `new`). Without it, the kind is a finding, never counted.
   */
  violation?: 'import-site' | 'use-site';
}

/** A transform of this table, as the engine runs it. */
export interface TransformDefinition extends Transform {
  readonly name: TransformName;
}

/** A row of TRANSFORMS: a transform with what the CLI and the reports need to know of it. */
export interface TransformRow {
  name: string;
  /** One line for `ssot-codemod transforms`. */
  description: string;
  run(ctx: FileContext): boolean;
  /** Every kind it reports but those of the engine's own table (ENGINE_FINDINGS: conflicts, file errors). */
  findings: readonly TransformFindingRule[];
}

/** Every transform, in the order that gives the canonical form: construct sites first, then paths, then names. */
export const TRANSFORMS = [
  {
    name: 'direct-instantiation',
    description: 'new Legacy(args) ➔ factory(args), the factory import added',
    run: directInstantiation,
    findings: [
      {
        kind: 'direct-instantiation', violation: 'use-site', level: 'warning', description: 'A legacy class constructed with new instead of its canonical factory.',
        help: 'The registry names a factory for this class (legacy[].construct). ssot-codemod apply rewrites `new Legacy(args)` into a call of the factory; a call with fewer arguments than construct.minArgs, or spread arguments, is left for you to migrate by hand.',
      },
      {
        kind: 'singleton', violation: 'use-site', level: 'warning', description: 'A legacy class constructed at module scope: one instance shared by every caller.',
        help: 'An instance made when the module loads is shared by everyone who imports it, which is what the canonical factory exists to avoid. Create the instance where it is used (per request, per user) instead; apply rewrites the construction but cannot move it.',
      },
    ],
  },
  {
    name: 'consolidated-paths',
    description: 'references to legacy modules and symbols ➔ the canonical module, local names kept',
    run: consolidatedPaths,
    findings: [
      {
        kind: 'legacy-path', violation: 'import-site', level: 'warning', description: 'A reference to a legacy module or legacy symbol instead of the canonical module.',
        help: 'The registry (ssot.config.json) names the canonical module for this import. ssot-codemod apply repoints it, keeping the local name, unless the message says why it cannot (a name the registry does not map, a class that is still constructed): migrate those by hand.',
      },
      {
        kind: 'unmapped-name', level: 'note', description: 'A name imported from a legacy module that the registry does not map: it stays there. Listed, not counted as a violation.',
        help: 'The legacy module still exports this name and the registry maps no canonical home for it, so it stays on the legacy import. Add it to ssot.config.json (symbols[].legacy) if it has one, or leave it: it is not counted as a violation.',
      },
    ],
  },
  {
    name: 'aliased-imports',
    description: 'canonical symbols imported under another name ➔ their canonical name, references renamed',
    run: aliasedImports,
    findings: [
      {
        kind: 'aliased-import', violation: 'import-site', level: 'warning', description: 'A canonical symbol imported under another local name.',
        help: 'One symbol known by several names is hard to search for. ssot-codemod apply gives the import its canonical name and renames every reference to it, scope-aware; where the canonical name is already taken in the file, it reports a conflict instead.',
      },
    ],
  },
] as const satisfies readonly TransformRow[];

export type TransformName = (typeof TRANSFORMS)[number]['name'];
export type TransformFinding = (typeof TRANSFORMS)[number]['findings'][number];
export type TransformFindingKind = TransformFinding['kind'];

/** What a human must look at: every kind a transform of the table or the engine reports. */
export type FindingKind = TransformFindingKind | EngineFindingKind;
