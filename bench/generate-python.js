#!/usr/bin/env node
/**
 * A seeded Python tree for the benchmark: the registry's modules from examples/netra-python (its
 * `netra_backend/app/agents` and `core`, its ssot.config.json), then N modules under
 * `netra_backend/app/features/<feature>/<module>.py`, 1–4 KB each, importing the standard library and
 * sibling modules relatively. The legacy share of them also reaches the registry the seeds' ways: the
 * consolidated stub's names, `ExecutionEngine(ctx)` calls, the adapter's alias, the moved unified factory
 * (as a name, a module and an `import … as`), and `mock.patch` strings; about 3% of the others import
 * the canonical modules. Same arguments, same bytes.
 *
 *   node bench/generate-python.js <dir> <files> <legacy percent> [seed]
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { mulberry32 } = require('./generate');

const EXAMPLE = path.join(__dirname, '..', 'examples', 'netra-python');

const STDLIB = ['os', 'json', 'logging', 'dataclasses', 'typing', 'itertools', 'functools', 'collections', 'datetime', 'pathlib'];

/** The seeds' patterns, one per legacy module: imports at the top, and code that uses them. */
const LEGACY = [
  {
    imports: 'from netra_backend.app.agents.execution_engine_consolidated import ExecutionContext, ExecutionEngine\n',
    code: (i) => `\ndef run_engine_${i}(user_id, task):\n    engine = ExecutionEngine(ExecutionContext(user_id=user_id, run_id=str(task)))\n    return engine.run(task)\n`,
  },
  {
    imports: 'from ...agents.supervisor.user_execution_engine import UserExecutionEngine as IsolatedExecutionEngine\n',
    code: (i) => `\ndef isolated_${i}(context) -> "IsolatedExecutionEngine":\n    return IsolatedExecutionEngine(context)\n`,
  },
  {
    imports: 'from netra_backend.app.agents.execution_engine_unified_factory import create_user_execution_engine\n',
    code: (i) => `\ndef build_${i}(context):\n    return create_user_execution_engine(context)\n`,
  },
  {
    imports: 'import netra_backend.app.agents.execution_engine_unified_factory as unified\nfrom unittest import mock\n',
    code: (i) => `\n@mock.patch("netra_backend.app.agents.supervisor.execution_engine.ExecutionEngine.run")\ndef check_${i}(run):\n    return unified.ExecutionEngineFactory(), run\n`,
  },
  {
    imports: 'from ...agents.execution_engine_legacy_adapter import IsolatedExecutionEngine, adapt_legacy_result\n',
    code: (i) => `\ndef adapt_${i}(engine):\n    return adapt_legacy_result(isinstance(engine, IsolatedExecutionEngine))\n`,
  },
];

const CANONICAL = 'from netra_backend.app.agents.supervisor.user_execution_engine import ExecutionContext, UserExecutionEngine\n';

function copyExample(root) {
  for (const part of ['netra_backend/__init__.py', 'netra_backend/app/__init__.py', 'netra_backend/app/agents', 'netra_backend/app/core', 'ssot.config.json']) {
    fs.cpSync(path.join(EXAMPLE, part), path.join(root, part), { recursive: true, filter: (f) => !f.includes('__pycache__') });
  }
}

function body(random, index, siblings, size) {
  const lines = [];
  let n = 0;
  while (lines.join('\n').length < size) {
    const name = `value_${index}_${n++}`;
    switch (Math.floor(random() * 4)) {
      case 0:
        lines.push(`\n\ndef ${name}(items, factor=${n}):\n    """Scale every item by the factor."""\n    result = [item * factor for item in items if item is not None]\n    return sum(result) / max(len(result), 1)`);
        break;
      case 1:
        lines.push(`\n\n@dataclasses.dataclass\nclass Record${index}_${n}:\n    key: str\n    count: int = 0\n\n    def bump(self, by: int = 1) -> "Record${index}_${n}":\n        return dataclasses.replace(self, count=self.count + by)`);
        break;
      case 2:
        lines.push(`\n\n${name.toUpperCase()} = {\n    "name": "${name}",\n    "enabled": ${random() < 0.5 ? 'True' : 'False'},\n    "path": os.path.join("data", "${name}.json"),\n}`);
        break;
      default:
        lines.push(`\n\ndef ${name}(path):\n    try:\n        with open(path) as handle:\n            return json.load(handle)\n    except (OSError, ValueError) as error:\n        logging.getLogger(__name__).warning("cannot read %s: %s", path, error)\n        return None`);
    }
    if (siblings.length > 0 && random() < 0.2) lines.push(`\n\n${name}_peer = ${siblings[Math.floor(random() * siblings.length)]}`);
  }
  return lines.join('');
}

function generatePythonTree(root, { files, legacyShare, seed = 1 }) {
  const random = mulberry32(seed * 7919 + 13);
  copyExample(root);
  fs.mkdirSync(path.join(root, 'netra_backend', 'app', 'features'), { recursive: true });
  fs.writeFileSync(path.join(root, 'netra_backend', 'app', 'features', '__init__.py'), '');
  const perFeature = 40;
  let bytes = 0;
  let legacyFiles = 0;
  for (let i = 0; i < files; i++) {
    const feature = `f${Math.floor(i / perFeature)}`;
    const dir = path.join(root, 'netra_backend', 'app', 'features', feature);
    if (i % perFeature === 0) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, '__init__.py'), '');
    }
    const stdlib = ['os', 'json', 'logging', 'dataclasses', ...STDLIB.filter(() => random() < 0.2)];
    let head = `"""Feature module ${i}."""\n${[...new Set(stdlib)].map((m) => `import ${m}`).join('\n')}\n`;
    const siblings = [];
    const inFeature = i % perFeature;
    if (inFeature > 0 && random() < 0.7) {
      const j = i - 1 - Math.floor(random() * inFeature);
      head += `from .m${j} import value_${j}_0\n`;
      siblings.push(`value_${j}_0`);
    }
    let tail = '';
    if (random() < legacyShare) {
      legacyFiles++;
      const pattern = LEGACY[i % LEGACY.length];
      head += pattern.imports;
      tail = pattern.code(i);
    } else if (random() < 0.03) {
      head += CANONICAL;
      tail = `\n\ndef canonical_${i}(user_id):\n    return UserExecutionEngine(ExecutionContext(user_id=user_id, run_id="r"))\n`;
    }
    const text = `${head}${body(random, i, siblings, 1000 + Math.floor(random() * 3000))}\n${tail}`;
    fs.writeFileSync(path.join(dir, `m${i}.py`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files, bytes, legacyFiles };
}

module.exports = { generatePythonTree };

if (require.main === module) {
  const [dir, files, percent, seed] = process.argv.slice(2);
  if (!dir || !files || !percent) {
    console.error('usage: node bench/generate-python.js <dir> <files> <legacy percent> [seed]');
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  console.log(JSON.stringify(generatePythonTree(path.resolve(dir), { files: Number(files), legacyShare: Number(percent) / 100, seed: Number(seed ?? 1) })));
}
