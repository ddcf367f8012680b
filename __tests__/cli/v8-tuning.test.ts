/**
 * The CLI raises V8's interrupt budget before it loads anything else (bin/v8-tuning.ts says why), and
 * leaves a budget the user gave node alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/** The module loaded afresh, with V8's flag setter recorded instead of called. */
function loadTuning(): { set: jest.Mock } & typeof import('../../bin/v8-tuning') {
  const set = jest.fn();
  let loaded: typeof import('../../bin/v8-tuning') | undefined;
  jest.isolateModules(() => {
    jest.doMock('node:v8', () => ({ ...jest.requireActual('node:v8'), setFlagsFromString: set }));
    loaded = require('../../bin/v8-tuning');
  });
  return { set, ...loaded! };
}

describe('the V8 tuning of the CLI process', () => {
  it('sets the interrupt budget when the module is loaded', () => {
    const { set, INTERRUPT_BUDGET_FLAG } = loadTuning();
    expect(INTERRUPT_BUDGET_FLAG).toBe('--interrupt-budget=300000');
    expect(set.mock.calls).toEqual([[INTERRUPT_BUDGET_FLAG]]);
  });

  it('keeps a budget given to node on its command line', () => {
    const { set, tuneV8 } = loadTuning();
    set.mockClear();
    expect(tuneV8(['--interrupt-budget=67584'])).toBe(false);
    expect(tuneV8(['--interrupt_budget=1000'])).toBe(false);
    expect(tuneV8(['--max-old-space-size=4096'])).toBe(true);
    expect(set.mock.calls).toEqual([['--interrupt-budget=300000']]);
  });

  it('is the first module the built CLI loads, so that every function runs under it', () => {
    const built = fs.readFileSync(path.join(ROOT, 'dist', 'bin', 'ssot-codemod.js'), 'utf8');
    const requires = [...built.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires[0]).toBe('./v8-tuning');
  });
});
