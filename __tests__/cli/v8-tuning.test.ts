/**
 * The CLI sets V8's tiering flags before it loads anything else (bin/v8-tuning.ts says why), and leaves
 * each flag the user gave node alone.
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
  it('sets its flags when the module is loaded', () => {
    const { set } = loadTuning();
    expect(set.mock.calls).toEqual([
      ['--interrupt-budget=300000'],
      ['--max-inlined-bytecode-size=100'],
      ['--max-inlined-bytecode-size-cumulative=300'],
    ]);
  });

  it('keeps each flag given to node on its command line, however spelled, and sets the others', () => {
    const { set, tuneV8 } = loadTuning();
    set.mockClear();
    expect(tuneV8(['--interrupt-budget=67584'])).toEqual(['--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=300']);
    expect(tuneV8(['--interrupt_budget=1000', '--max_inlined_bytecode_size', '460'])).toEqual(['--max-inlined-bytecode-size-cumulative=300']);
    // A flag whose name another's begins with is not that flag.
    expect(tuneV8(['--max-inlined-bytecode-size-cumulative=920'])).toEqual(['--interrupt-budget=300000', '--max-inlined-bytecode-size=100']);
    expect(tuneV8(['--max-old-space-size=4096'])).toHaveLength(3);
    expect(set.mock.calls.flat()).toEqual([
      '--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=300',
      '--max-inlined-bytecode-size-cumulative=300',
      '--interrupt-budget=300000', '--max-inlined-bytecode-size=100',
      '--interrupt-budget=300000', '--max-inlined-bytecode-size=100', '--max-inlined-bytecode-size-cumulative=300',
    ]);
  });

  it('is the first module the built CLI loads, so that every function runs under it', () => {
    const built = fs.readFileSync(path.join(ROOT, 'dist', 'bin', 'ssot-codemod.js'), 'utf8');
    const requires = [...built.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(requires[0]).toBe('./v8-tuning');
  });
});
