/**
 * The three transforms together on a small multi-file tree (relative and alias specifiers): the result
 * matches the canonical form, type-checks with no new diagnostics, and a second run changes nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { typeCheck } from '../helpers/type-check';
import { PROJECT, PYTHON_PROJECT, runAs } from '../helpers/fixtures';
import { loadRegistry } from '../../src/registry/load';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import type { FileResult } from '../../src/engine/results';

const CONSUMERS: Record<string, string> = {
  'src/app/handler.ts': `import { ExecutionEngine, EngineContext } from '../agents/execution_engine_consolidated';

export function handle(context: EngineContext): string {
  const engine = new ExecutionEngine(context);
  return engine.run('handle');
}
`,
  'src/app/typed.ts': `import { ExecutionEngine } from '@app/agents/execution_engine_consolidated';

export function isEngine(value: unknown): value is ExecutionEngine {
  return value instanceof ExecutionEngine;
}
`,
  'src/app/adapter-user.ts': `import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';
import { UserExecutionEngine as Engine } from '../agents/supervisor/user_execution_engine';

export const engines: Engine[] = [];
export function register(engine: IsolatedExecutionEngine): { Engine: typeof Engine } {
  engines.push(engine);
  return { Engine };
}
`,
  'src/app/factory-user.ts': `import { ExecutionEngineFactory } from '../agents/execution_engine_unified_factory';
import * as compat from '../core/managers/execution_engine_factory';

export const factories = [new ExecutionEngineFactory(), new compat.ExecutionEngineFactory()];
`,
  'src/app/reexports.ts': `export { UserExecutionEngine } from '../agents/execution_engine_consolidated';
export type { EngineContext } from '@app/agents/execution_engine_consolidated';
`,
  'src/app/singleton.ts': `import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const sharedEngine = new ExecutionEngine({ userId: 'shared' });
`,
  'src/app/subclass.ts': `import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export class AuditedEngine extends ExecutionEngine {}
`,
  'src/app/view.tsx': `import { UserExecutionEngine as IsolatedExecutionEngine } from '../agents/supervisor/user_execution_engine';

declare global {
  namespace JSX {
    interface IntrinsicElements { div: { children?: unknown } }
    type Element = unknown;
  }
}

function EngineView(props: { engine: IsolatedExecutionEngine }) {
  return <div>{props.engine.run('view')}</div>;
}

export const view = (engine: IsolatedExecutionEngine) => <EngineView engine={engine} />;
`,
};

const EXPECTED: Record<string, string> = {
  'src/app/handler.ts': `import { EngineContext } from '../agents/supervisor/user_execution_engine';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export function handle(context: EngineContext): string {
  const engine = createUserExecutionEngine(context);
  return engine.run('handle');
}
`,
  'src/app/typed.ts': `import { UserExecutionEngine } from '@app/agents/supervisor/user_execution_engine';

export function isEngine(value: unknown): value is UserExecutionEngine {
  return value instanceof UserExecutionEngine;
}
`,
  'src/app/adapter-user.ts': `import {
  UserExecutionEngine as Engine,
  UserExecutionEngine,
} from '../agents/supervisor/user_execution_engine';

export const engines: Engine[] = [];
export function register(engine: UserExecutionEngine): { Engine: typeof Engine } {
  engines.push(engine);
  return { Engine };
}
`,
  'src/app/factory-user.ts': `import { ExecutionEngineFactory } from '../agents/supervisor/execution_engine_factory';
import * as compat from '../agents/supervisor/execution_engine_factory';

export const factories = [new ExecutionEngineFactory(), new compat.ExecutionEngineFactory()];
`,
  'src/app/reexports.ts': `export { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';
export type { EngineContext } from '@app/agents/supervisor/user_execution_engine';
`,
  'src/app/singleton.ts': `import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const sharedEngine = createUserExecutionEngine({ userId: 'shared' });
`,
  'src/app/view.tsx': `import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';

declare global {
  namespace JSX {
    interface IntrinsicElements { div: { children?: unknown } }
    type Element = unknown;
  }
}

function EngineView(props: { engine: UserExecutionEngine }) {
  return <div>{props.engine.run('view')}</div>;
}

export const view = (engine: UserExecutionEngine) => <EngineView engine={engine} />;
`,
};

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

function runAll(root: string): FileResult[] {
  const registry = loadRegistry({ configPath: path.join(root, 'ssot.config.json') });
  const results: FileResult[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name)) {
        const result = transformFile({ path: full, source: fs.readFileSync(full, 'utf8'), registry, transforms: selectTransforms() });
        if (result.status === 'changed') fs.writeFileSync(full, result.output!);
        results.push(result);
      }
    }
  };
  walk(path.join(root, 'src'));
  return results;
}

describe('the three transforms together', () => {
  let root: string;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ssot-pipeline-'));
    copyTree(PROJECT, root);
    for (const [file, text] of Object.entries(CONSUMERS)) fs.writeFileSync(path.join(root, file), text);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('starts from a tree that type-checks', () => {
    expect(typeCheck(root)).toEqual([]);
  });

  it('rewrites every consumer to the canonical form and reports what it must leave', () => {
    const results = runAll(root);
    for (const [file, text] of Object.entries(EXPECTED)) {
      expect(`${file}:\n${fs.readFileSync(path.join(root, file), 'utf8')}`).toBe(`${file}:\n${text}`);
    }
    expect(fs.readFileSync(path.join(root, 'src/app/subclass.ts'), 'utf8')).toBe(CONSUMERS['src/app/subclass.ts']);
    const findings = results.flatMap((r) => r.findings).map((f) => `${path.relative(root, f.file)}:${f.line}:${f.column} ${f.kind}`);
    expect(findings.sort()).toEqual([
      'src/app/adapter-user.ts:2:10 conflict',
      'src/app/singleton.ts:3:29 singleton',
      'src/app/subclass.ts:1:10 legacy-path',
    ]);
    const skipped = results.filter((r) => r.status === 'skipped').map((r) => path.relative(root, r.file)).sort();
    expect(skipped).toEqual([
      'src/agents/agent_errors.ts',
      'src/agents/execution_engine_consolidated.ts',
      'src/agents/execution_engine_legacy_adapter.ts',
      'src/agents/execution_engine_unified_factory.ts',
      'src/agents/supervisor/execution_engine_factory.ts',
      'src/agents/supervisor/user_execution_engine.ts',
      'src/agents/supervisor/user_task_queue.ts',
      'src/agents/task_queue_legacy.ts',
      'src/common/format.ts',
      'src/common/index.ts',
      'src/core/managers/execution_engine_factory.ts',
      'src/errors/index.ts',
      'src/ui/engine_panel.ts',
      'src/ui/legacy_panels.ts',
      'src/ui/widgets.ts',
    ]);
  });

  it('leaves a tree that still type-checks', () => {
    expect(typeCheck(root)).toEqual([]);
  });

  it('changes nothing on a second run', () => {
    const again = runAll(root);
    expect(again.filter((r) => r.status === 'changed').map((r) => r.file)).toEqual([]);
  });
});

describe('the three transforms on one file', () => {
  it('does not report a conflict with an import that the rewrite removed', () => {
    const input = `import { IsolatedExecutionEngine } from '../agents/execution_engine_legacy_adapter';
import { ExecutionEngine } from '../agents/execution_engine_consolidated';

export const make = (userId: string): IsolatedExecutionEngine => new ExecutionEngine({ userId });
`;
    const result = runAs('conflict-free.ts', input, selectTransforms());
    expect(result.output).toBe(`import { UserExecutionEngine } from '../agents/supervisor/user_execution_engine';
import { createUserExecutionEngine } from '../agents/supervisor/execution_engine_factory';

export const make = (userId: string): UserExecutionEngine => createUserExecutionEngine({ userId });
`);
    expect(result.findings).toEqual([]);
  });
});

describe('the output safety net', () => {
  it('catches every class of broken Python import a rewrite could make, at its line', () => {
    const input = 'from netra_backend.app.agents.execution_engine_consolidated import (\n    UserExecutionEngine,\n)\nimport os\n';
    const damage: [string, { start: number; end: number; text: string }, number][] = [
      ['a dropped closing parenthesis', { start: input.indexOf(')'), end: input.indexOf(')') + 1, text: '' }, 1],
      ['a trailing comma without parentheses', { start: input.indexOf('os') + 2, end: input.indexOf('os') + 2, text: ',' }, 4],
      ['a newline inside an import', { start: input.indexOf(' os'), end: input.indexOf(' os'), text: '\n' }, 4],
      ['an indented statement', { start: input.indexOf('import os'), end: input.indexOf('import os'), text: '  ' }, 4],
      ['a `from __future__` import after another', { start: input.length, end: input.length, text: 'from __future__ import annotations\n' }, 5],
    ];
    for (const [what, edit, line] of damage) {
      const broken = { name: 'consolidated-paths' as const, run: (ctx: import('../../src/engine/file-context').FileContext) => {
        ctx.edits.add([edit], 'a broken transform');
        return true;
      } };
      const result = runAs('safety_net.py', input, [broken], PYTHON_PROJECT);
      expect({ what, status: result.status, output: result.output, kinds: result.findings.map((f) => `${f.kind} at line ${f.line}`) })
        .toEqual({ what, status: 'failed', output: undefined, kinds: [`transform-bug at line ${line}`] });
    }
  });

  it('re-parses every rewritten file and returns a transform-bug finding instead of output that does not parse', () => {
    const broken = { name: 'direct-instantiation' as const, run: (ctx: import('../../src/engine/file-context').FileContext) => {
      ctx.edits.add([{ start: 0, end: 0, text: 'export const = ;\n' }], 'a broken transform');
      return true;
    } };
    const result = runAs('safety-net.ts', `import { ExecutionEngine } from '../agents/execution_engine_consolidated';\n`, [broken]);
    expect(result.status).toBe('failed');
    expect(result.output).toBeUndefined();
    expect(result.findings.map(({ line, column, kind }) => ({ line, column, kind }))).toEqual([{ line: 1, column: 14, kind: 'transform-bug' }]);
    expect(result.findings[0].message).toMatch(/the rewritten file does not parse .*; it was left as it was/);
  });
});
