/**
 * Real-world Python, from this machine's python3:
 *
 * 1. Every `.py` file of its standard library (site-packages excluded) goes through the whole engine —
 *    parsed, its scopes, imports and module strings read, walked by all three transforms, its imports
 *    rendered — with a registry that matches none of it. Each file CPython compiles must come out byte for
 *    byte, with no finding; each file CPython rejects must be a parse error (the safety net agrees with
 *    CPython both ways). `prefilter: false`: no file is waved through unparsed.
 * 2. A round trip: real stdlib packages (json, email), copied, are fragmented onto legacy shim modules —
 *    every import of one of their modules, relative, absolute, `import … as`, `from pkg import mod`, and
 *    `mock.patch` targets, rewritten to go through `_legacy_<module>` — and apply, with a registry that
 *    moves each shim back to its module, must restore every file byte for byte. The packages' own test
 *    suites (test.test_json, test.test_email) pass on the fragmented copy and on the restored one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformFile } from '../../src/engine/pipeline';
import { selectTransforms } from '../../src/transforms';
import { loadRegistry } from '../../src/registry/load';
import { positionAt } from '../../src/shared/text-position';
import { python as pythonLanguage } from '../../src/languages/python';
import type { ModuleSystem } from '../../src/languages/language';
import { ImportModel } from '../../src/languages/import-model';
import { NodeType, childrenOf, endOf, type ParseNode } from '../../src/languages/python/syntax';
import { parsePython } from '../../src/languages/python/parse';
import { fixtureRegistry, PYTHON_PROJECT } from '../helpers/fixtures';
import { cpythonVerdicts, describeWithPython, python, stdlibFiles } from '../helpers/python3';
import { makeTempDir, removeTempDirs } from '../helpers/temp-repo';

afterAll(removeTempDirs);

const decoder = new TextDecoder('utf-8', { fatal: true });

describeWithPython('the Python standard library, through the whole engine', () => {
  const { root, files } = stdlibFiles();
  const texts = new Map<string, string>();
  for (const file of files) {
    try {
      texts.set(file, decoder.decode(fs.readFileSync(file)));
    } catch {
      // not UTF-8: the runner skips such a file with a note, as it does for JavaScript
    }
  }
  const swept = [...texts.keys()];
  const verdicts = cpythonVerdicts(swept.map((f) => texts.get(f)!));
  const valid = swept.filter((_, i) => !verdicts[i].rejected);
  const invalid = swept.filter((_, i) => verdicts[i].rejected);

  it(`has the stdlib: ${swept.length} UTF-8 files, ${invalid.length} of them rejected by CPython`, () => {
    expect(valid.length).toBeGreaterThan(1500);
    expect(valid).toEqual(expect.arrayContaining([path.join(root, 'os.py'), path.join(root, 'asyncio', 'base_events.py')]));
  });

  it('every file CPython compiles comes out byte for byte, with nothing reported', () => {
    const registry = fixtureRegistry(PYTHON_PROJECT);
    const system = registry.resolver.systemForFile('x.py') as ModuleSystem;
    const transforms = selectTransforms();
    const problems: string[] = [];
    let references = 0;
    valid.forEach((file, i) => {
      const source = texts.get(file)!;
      const where = (line: number, column: number) => `${path.relative(root, file)}:${line}:${column}`;
      const result = transformFile({ path: file, source, registry, transforms, prefilter: false, mode: 'measure' });
      problems.push(...result.findings.map((f) => `${where(f.line, f.column)} ${f.kind}: ${f.message}`));
      if (result.status !== 'unchanged' || (result.output !== undefined && result.output !== source)) problems.push(`${where(1, 1)} ${result.status}`);
      // What no transform needed is read anyway, in every third file (for time): scopes, imports, module
      // strings, and a plan with no change, which must render no edit.
      if (i % 3 !== 0) return;
      const parsed = pythonLanguage.parse(file, source, system);
      references += parsed.scopes.references.length;
      void parsed.moduleStrings.length;
      const model = new ImportModel(parsed.readImports(), {
        resolve: () => null, defaultForm: 'from', movedTo: () => null, liveReferences: (b) => b.references, anyConsumed: () => false,
      });
      model.plan();
      const edits = parsed.renderImports(model, () => 'unused');
      if (edits.length > 0) problems.push(`${where(1, 1)} an unchanged import model renders ${edits.length} edit(s)`);
    });
    expect(problems).toEqual([]);
    expect(references).toBeGreaterThan(200_000);
  }, 120_000);

  it('every file CPython rejects is a parse error, at the line CPython names', () => {
    const registry = fixtureRegistry(PYTHON_PROJECT);
    const lineOf = new Map(swept.map((file, i) => [file, verdicts[i].line]));
    const outcomes = invalid.map((file) => {
      const result = transformFile({ path: file, source: texts.get(file)!, registry, transforms: selectTransforms(), prefilter: false });
      return `${path.relative(root, file)}: ${result.status} ${result.findings.map((f) => `${f.kind} at line ${f.line}`).join(',')}`;
    });
    expect(outcomes).toEqual(invalid.map((file) => `${path.relative(root, file)}: failed parse-error at line ${lineOf.get(file)}`));
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Fragment real packages onto shims, and back.

const PACKAGES = ['json', 'email'];

interface Fragmented {
  root: string;
  originals: Map<string, string>;
  /** How many imports and strings were rewritten onto a shim. */
  rewritten: number;
}

/**
 * Copies the packages into a fresh folder and rewrites every import of one of their modules to go through a
 * shim `_legacy_<module>` beside it: `from .decoder import X` ➔ `from ._legacy_decoder import X`,
 * `from email import utils` ➔ `from email import _legacy_utils as utils`, and the like. The shim makes
 * itself the module it stands for, so the fragmented copy still runs.
 */
function fragment(stdlib: string): Fragmented {
  const root = makeTempDir('ssot-py-roundtrip-');
  const originals = new Map<string, string>();
  const moves: { from: string; to: string }[] = [];
  for (const pkg of PACKAGES) fs.cpSync(path.join(stdlib, pkg), path.join(root, pkg), { recursive: true, filter: (f) => !f.includes('__pycache__') });
  const modules = new Set<string>();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.py') ? [path.join(dir, e.name)] : []);
  const files = PACKAGES.flatMap((pkg) => walk(path.join(root, pkg))).sort();
  for (const file of files) {
    const dotted = path.relative(root, file).replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
    if (!file.endsWith('__init__.py')) modules.add(dotted);
  }
  const shimOf = (dotted: string) => dotted.replace(/([^.]+)$/, '_legacy_$1');
  let rewritten = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    originals.set(file, text);
    const packageParts = path.relative(root, path.dirname(file)).split(path.sep);
    const absolute = (dots: number, name: string) => (dots === 0 ? name : [...packageParts.slice(0, packageParts.length - (dots - 1)), ...(name ? name.split('.') : [])].join('.'));
    const edits: { start: number; end: number; text: string }[] = [];
    const visit = (node: ParseNode): void => {
      if (node.nodeType === NodeType.ImportFrom && !node.d.isWildcardImport) {
        const dots = node.d.module.d.leadingDots;
        const name = node.d.module.d.nameParts.map((p) => p.d.value).join('.');
        const last = node.d.module.d.nameParts[node.d.module.d.nameParts.length - 1];
        if (last && modules.has(absolute(dots, name))) {
          // from .decoder import X ➔ from ._legacy_decoder import X
          edits.push({ start: last.start, end: endOf(last), text: `_legacy_${last.d.value}` });
        } else {
          // from email import utils ➔ from email import _legacy_utils as utils
          for (const imported of node.d.imports) {
            if (!imported.d.alias && modules.has(`${absolute(dots, name)}.${imported.d.name.d.value}`)) {
              edits.push({ start: imported.start, end: endOf(imported), text: `_legacy_${imported.d.name.d.value} as ${imported.d.name.d.value}` });
            }
          }
        }
      } else if (node.nodeType === NodeType.Import) {
        for (const clause of node.d.list) {
          const name = clause.d.module.d.nameParts.map((p) => p.d.value).join('.');
          const last = clause.d.module.d.nameParts[clause.d.module.d.nameParts.length - 1];
          // import email.charset as charset ➔ import email._legacy_charset as charset
          if (clause.d.alias && modules.has(name)) edits.push({ start: last.start, end: endOf(last), text: `_legacy_${last.d.value}` });
        }
      } else if (node.nodeType === NodeType.StringList && node.d.strings.length === 1 && node.d.strings[0].nodeType === NodeType.String) {
        // mock.patch('email.utils.formatdate') ➔ mock.patch('email._legacy_utils.formatdate')
        const value = node.d.strings[0].d.value;
        const module = [...modules].filter((m) => value.startsWith(`${m}.`) && /^[\w.]+$/.test(value)).sort((a, b) => b.length - a.length)[0];
        if (module && node.parent?.nodeType === NodeType.Argument && /patch/.test(text.slice(node.parent.parent!.start, node.start))) {
          const at = node.d.strings[0].start + node.d.strings[0].d.token.prefixLength + node.d.strings[0].d.token.quoteMarkLength;
          edits.push({ start: at, end: at + module.length, text: shimOf(module) });
        }
      }
      childrenOf(node).forEach(visit);
    };
    visit(parsePython(file, text).tree);
    let out = text;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    rewritten += edits.length;
    fs.writeFileSync(file, out);
  }
  for (const dotted of modules) {
    const file = path.join(root, ...dotted.split('.')) + '.py';
    const shim = path.join(path.dirname(file), `_legacy_${path.basename(file)}`);
    fs.writeFileSync(shim, `"""Deprecated: ${dotted} moved."""\nimport sys\nfrom . import ${path.basename(file, '.py')} as _module\n\nsys.modules[__name__] = _module\n`);
    moves.push({ from: shimOf(dotted), to: dotted });
  }
  fs.writeFileSync(path.join(root, 'ssot.config.json'), JSON.stringify({ include: PACKAGES.map((p) => `${p}/**/*.py`), modules: moves }, null, 2));
  return { root, originals, rewritten };
}

/** The packages' own test suites, on the copy in `root` (first on sys.path): `unittest`'s last lines. */
function ownTests(root: string): { status: number | null; summary: string } {
  const run = python(['-m', 'unittest', '-q', 'test.test_json', 'test.test_email'], undefined, root);
  const env = run.stderr.trim().split('\n');
  return { status: run.status, summary: env.slice(-3).join(' / ').replace(/in [\d.]+s/, 'in …') };
}

describeWithPython('a round trip: stdlib packages fragmented onto shims, restored byte for byte', () => {
  const { root: stdlib } = stdlibFiles();
  const copy = fragment(stdlib);

  it(`fragments ${PACKAGES.join(' and ')}: imports of their modules now go through shims`, () => {
    // At Python 3.11: 56 imports and strings in 24 files.
    expect(copy.rewritten).toBeGreaterThan(45);
    const changed = [...copy.originals].filter(([file, text]) => fs.readFileSync(file, 'utf8') !== text);
    expect(changed.length).toBeGreaterThan(20);
  });

  it('the fragmented copy passes its own tests', () => {
    const before = ownTests(copy.root);
    expect(before.summary).toMatch(/OK/);
    expect(before.status).toBe(0);
  }, 120_000);

  it('apply restores every file byte for byte, and its own tests pass the same', () => {
    const registry = loadRegistry({ configPath: path.join(copy.root, 'ssot.config.json') });
    const transforms = selectTransforms();
    const problems: string[] = [];
    for (const [file, original] of copy.originals) {
      const source = fs.readFileSync(file, 'utf8');
      const result = transformFile({ path: file, source, registry, transforms });
      const output = result.output ?? source;
      if (output !== original) {
        let at = 0;
        while (at < output.length && output[at] === original[at]) at++;
        const { line, column } = positionAt(original, at);
        problems.push(`${path.relative(copy.root, file)}:${line}:${column} ${result.status} ${result.findings.map((f) => `${f.kind}: ${f.message}`).join('; ')}`);
      }
      fs.writeFileSync(file, output);
    }
    expect(problems).toEqual([]);
    const after = ownTests(copy.root);
    expect(after.summary).toMatch(/OK/);
    expect(after.status).toBe(0);
  }, 120_000);
});
