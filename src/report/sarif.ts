/**
 * `check` as SARIF 2.1.0, the format code-scanning UIs (GitHub, Azure DevOps, IDEs) read: one rule per
 * finding kind (with its help and a link to it in the README), one result per finding or error, located by
 * a URI relative to the registry's folder and fingerprinted so that it is tracked across pushes.
 */
import { ENGINE_FINDINGS, type FindingRule } from '../engine/results';
import { TRANSFORM_FINDINGS } from '../transforms';
import { VIOLATION_CATEGORIES, type CheckReport, type ReportError, type ReportFinding } from './types';
import { sha256 } from '../shared/fs';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const INFORMATION_URI = 'https://www.npmjs.com/package/ssot-codemods';

/** One rule per kind: check's categories in the order it counts them, then every other kind as its table lists it. */
const RULES: readonly FindingRule[] = [
  ...VIOLATION_CATEGORIES.map((kind) => TRANSFORM_FINDINGS.find((rule) => rule.kind === kind)!),
  ...TRANSFORM_FINDINGS.filter((rule) => !(VIOLATION_CATEGORIES as readonly string[]).includes(rule.kind)),
  ...ENGINE_FINDINGS,
];

export function formatSarif(report: CheckReport, toolVersion: string): string {
  const ruleIndex = new Map<string, number>(RULES.map((rule, index) => [rule.kind, index]));
  const fingerprint = fingerprints();
  const result = (item: ReportFinding | ReportError) => ({
    ruleId: item.kind,
    ruleIndex: ruleIndex.get(item.kind),
    level: RULES[ruleIndex.get(item.kind)!].level,
    message: { text: item.message },
    locations: [location(item.file, item)],
    partialFingerprints: { [FINGERPRINT]: fingerprint(item) },
    ...('fixable' in item ? { properties: { fixable: item.fixable } } : {}),
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ssot-codemod',
            informationUri: INFORMATION_URI,
            version: toolVersion,
            rules: RULES.map((rule) => ({
              id: rule.kind,
              name: pascalCase(rule.kind),
              shortDescription: { text: rule.description },
              fullDescription: { text: `${rule.description} ${rule.help}` },
              help: { text: rule.help },
              helpUri: `${INFORMATION_URI}#${rule.kind}`,
              defaultConfiguration: { level: rule.level },
            })),
          },
        },
        // Paths are relative to the registry's folder, which the uploader maps to the checkout.
        originalUriBaseIds: { '%SRCROOT%': { description: { text: "The registry's folder" } } },
        // The engine counts columns in UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.skipped.map((note) => ({
              level: 'note',
              message: { text: `skipped: ${note.reason}` },
              locations: [location(note.file)],
            })),
          },
        ],
        results: [...report.findings.map(result), ...report.errors.map(result)],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/**
 * A result's identity across pushes, for code scanning to track it: its file, kind and message (not its
 * line, which moves when code above it changes), and which of the identical ones in that file it is.
 */
const FINGERPRINT = 'ssotFinding/v1';

function fingerprints(): (item: ReportFinding | ReportError) => string {
  const seen = new Map<string, number>();
  return (item) => {
    const hash = sha256(`${item.file}\0${item.kind}\0${item.message}`).slice(0, 32);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  };
}

function location(file: string, at?: { line: number; column: number }) {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
      ...(at ? { region: { startLine: at.line, startColumn: at.column } } : {}),
    },
  };
}

/**
 * A relative URI reference: each path segment percent-encoded (spaces, `#`, `%` are legal in file
 * names), and `:` too, which would otherwise make `c:x.ts` read as a scheme.
 */
function relativeUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/:/g, '%3A'))
    .join('/');
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
