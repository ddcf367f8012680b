/**
 * What one file's result promises whatever happens inside: its edits come with it as data, two edits that
 * collide are a `transform-bug` naming both editors, an exception anywhere is that file's `failed` result
 * naming the stage, and the run mode decides what is kept.
 */
import { PROJECT, fixtureRegistry, runAs } from '../helpers/fixtures';
import * as path from 'node:path';
import { transformFile } from '../../src/engine/pipeline';
import type { FileContext } from '../../src/engine/file-context';
import type { TransformDefinition } from '../../src/transforms';
import { selectTransforms } from '../../src/transforms';

const LEGACY_USE = `import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const engine = (context: { userId: string }) => new ExecutionEngine(context);
`;

function applyEdits(text: string, edits: { start: number; end: number; text: string }[]): string {
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    expect(edit.start).toBeGreaterThanOrEqual(cursor);
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

const throwing = (name: TransformDefinition['name'], error: unknown): TransformDefinition => ({
  name,
  run: () => {
    throw error;
  },
});

describe('edits as data', () => {
  it('a changed file carries the edits that make its output from its text, in order, none overlapping', () => {
    const result = runAs('edits-as-data.ts', LEGACY_USE, selectTransforms());
    expect(result.status).toBe('changed');
    expect(result.edits!.length).toBeGreaterThan(1);
    expect(applyEdits(LEGACY_USE, result.edits!)).toBe(result.output);
  });

  it('an unchanged file carries no edits', () => {
    const result = runAs('no-edits.ts', "import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';\n", selectTransforms());
    expect(result.status).toBe('unchanged');
    expect(result.edits).toBeUndefined();
  });
});

describe('a collision of edits', () => {
  it('is a transform-bug finding naming both editors, never an exception, and nothing is output', () => {
    const renameTwice: TransformDefinition = {
      name: 'aliased-imports',
      run: (ctx: FileContext) => {
        const at = LEGACY_USE.indexOf('ExecutionEngine');
        ctx.edits.add([{ start: at, end: at + 15, text: 'A' }], 'aliased-imports');
        ctx.edits.add([{ start: at + 3, end: at + 9, text: 'B' }], 'consolidated-paths');
        return true;
      },
    };
    const result = runAs('overlap.ts', LEGACY_USE, [renameTwice]);
    expect(result.status).toBe('failed');
    expect(result.output).toBeUndefined();
    expect(result.findings).toEqual([{
      file: path.join(PROJECT, 'src', 'app', 'overlap.ts'), line: 1, column: 1, kind: 'transform-bug',
      message: 'edits by aliased-imports and consolidated-paths overlap at 1:13; the file was left as it was',
    }]);
  });
});

describe('an exception inside one file', () => {
  it('is that file\'s failed result, naming the transform and the error', () => {
    const result = runAs('throws.ts', LEGACY_USE, [...selectTransforms(['direct-instantiation']), throwing('consolidated-paths', new TypeError('x is not a function'))]);
    expect(result.status).toBe('failed');
    expect(result.output).toBeUndefined();
    expect(result.findings.map(({ line, column, kind, message }) => ({ line, column, kind, message }))).toEqual([{
      line: 1, column: 1, kind: 'transform-bug',
      message: 'the consolidated-paths transform failed on this file (TypeError: x is not a function); it was left as it was',
    }]);
  });

  it('names what was thrown even when it is not an Error, on one line', () => {
    const result = runAs('throws-string.ts', LEGACY_USE, [throwing('aliased-imports', 'two\nlines')]);
    expect(result.findings[0].message).toBe('the aliased-imports transform failed on this file (two lines); it was left as it was');
  });

  it('leaves the other files of a run alone', () => {
    const registry = fixtureRegistry();
    const transforms = [throwing('direct-instantiation', new Error('boom'))];
    const good = transformFile({ path: path.join(PROJECT, 'src', 'app', 'fine.ts'), source: LEGACY_USE, registry, transforms: selectTransforms() });
    const bad = transformFile({ path: path.join(PROJECT, 'src', 'app', 'bad.ts'), source: LEGACY_USE, registry, transforms });
    expect([good.status, bad.status]).toEqual(['changed', 'failed']);
  });
});

describe('run modes', () => {
  const file = path.join(PROJECT, 'src', 'app', 'modes.ts');

  it('measure: usage is measured and the output is not parsed again', () => {
    const broken: TransformDefinition = {
      name: 'direct-instantiation',
      run: (ctx: FileContext) => {
        ctx.edits.add([{ start: 0, end: 0, text: 'export const = ;\n' }], 'a broken transform');
        return true;
      },
    };
    const measured = transformFile({ path: file, source: LEGACY_USE, registry: fixtureRegistry(), transforms: [broken], mode: 'measure' });
    expect(measured.status).toBe('changed');
    expect(measured.usage?.legacyModules).toHaveLength(1);
    const rewritten = transformFile({ path: file, source: LEGACY_USE, registry: fixtureRegistry(), transforms: [broken] });
    expect(rewritten.status).toBe('failed');
    expect(rewritten.usage).toBeUndefined();
  });
});
