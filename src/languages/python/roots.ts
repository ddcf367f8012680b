/**
 * Where a Python project's absolute imports start (its import roots), when the registry's `python.roots`
 * does not say: the package folders `pyproject.toml` declares (setuptools `package-dir` and
 * `packages.find.where`, Poetry `packages[].from`, Hatch's wheel `packages`), else a `src/` layout's
 * `src/`; and the registry's folder itself, last, for the files beside the packages (tests, scripts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { isDirectory, isFile } from '../../shared/fs';

export interface RootsFound {
  /** Folders relative to the registry's, forward slashes; `.` for the registry's own. */
  roots: string[];
  /** Where they come from, for messages. */
  source: string;
}

type Table = Record<string, unknown>;

function table(value: unknown): Table | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

/** The package folders pyproject.toml names, relative to the registry's folder; throws on invalid TOML. */
function rootsFromPyproject(root: string): string[] {
  const file = path.join(root, 'pyproject.toml');
  if (!isFile(file)) return [];
  const toml = parseToml(fs.readFileSync(file, 'utf8')) as Table;
  const tool = table(toml.tool) ?? {};
  const found: string[] = [];
  const setuptools = table(tool.setuptools);
  const packageDir = table(setuptools?.['package-dir']);
  if (packageDir && typeof packageDir[''] === 'string') found.push(packageDir[''] as string);
  const find = table(table(setuptools?.packages)?.find);
  found.push(...strings(find?.where));
  const poetry = table(tool.poetry);
  if (Array.isArray(poetry?.packages)) for (const entry of poetry!.packages as unknown[]) found.push(...strings(table(entry)?.from));
  const wheel = table(table(table(table(tool.hatch)?.build)?.targets)?.wheel);
  // Hatch names the packages themselves (`src/pkg`): their folder is the root.
  for (const pkg of strings(wheel?.packages)) found.push(path.posix.dirname(pkg));
  return found;
}

/** `src/` holds packages and is not one itself. */
function isSrcLayout(root: string): boolean {
  const src = path.join(root, 'src');
  if (!isDirectory(src) || isFile(path.join(src, '__init__.py'))) return false;
  return fs.readdirSync(src, { withFileTypes: true }).some((e) => e.isDirectory() && isFile(path.join(src, e.name, '__init__.py')));
}

export function defaultRoots(root: string): RootsFound {
  const declared = [...new Set(rootsFromPyproject(root).map(normalize).filter((r) => r !== '.'))];
  if (declared.length > 0) return { roots: [...declared, '.'], source: 'pyproject.toml' };
  if (isSrcLayout(root)) return { roots: ['src', '.'], source: 'the src/ layout' };
  return { roots: ['.'], source: "the registry's folder" };
}

export function normalize(relative: string): string {
  const cleaned = path.posix.normalize(relative.replace(/\\/g, '/')).replace(/\/+$/, '');
  return cleaned === '' ? '.' : cleaned;
}
