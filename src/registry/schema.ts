/**
 * The registry file's syntax and shape: JSON first (a syntax error is located by line and column), then the
 * JSON Schema — the base schema beside this file with each language's own settings added, which is also
 * what `npm run build` writes to schema/ssot.config.schema.json for editors. The first problem is thrown as
 * a RegistryError naming the JSON path and what is expected.
 */
import * as fs from 'node:fs';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import base from './registry.schema.json';
import { positionAt } from '../shared/text-position';
import { LANGUAGES } from '../languages';
import { RegistryError } from './registry-error';

type SchemaNode = { $ref?: string; description?: string; properties?: Record<string, unknown> };

/**
 * The base schema with every language's settings among the top-level properties, after `exclude`: the
 * order `unknown key` messages list them in.
 */
export const REGISTRY_SCHEMA = (() => {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(base.properties)) {
    properties[key] = value;
    if (key === 'exclude') for (const language of LANGUAGES) if (language.settings) properties[language.settings.key] = language.settings.schema;
  }
  return { ...base, properties };
})();

/** The registry file's JSON, or a RegistryError locating its first syntax error. */
export function parseRegistryJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RegistryError(file, '$', `cannot be read: ${(error as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = String((error as Error).message)
      .replace(/,\s*(\.\.\.)?".*"(\.\.\.)? is not valid JSON$/s, '')
      .replace(/\s*in JSON at position \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    const { line, column } = positionAt(text, jsonSyntaxErrorOffset(text));
    throw new RegistryError(file, '$', `invalid JSON at ${line}:${column}: ${reason} (expected a JSON object)`);
  }
}

/**
 * Where the first syntax error of a JSON text is. JSON.parse does not always say (`Unexpected token`
 * messages carry no position in Node 20), so a minimal strict scanner finds it. It keeps the containers it
 * is in on a stack of its own, not on the call stack, so that no nesting depth can overflow it.
 */
function jsonSyntaxErrorOffset(text: string): number {
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++;
  };
  const match = (pattern: RegExp): boolean => {
    pattern.lastIndex = at;
    const found = pattern.exec(text);
    if (found) at += found[0].length;
    return found !== null;
  };
  /** A member's `"key":`, up to its value. */
  const key = (): boolean => {
    skipSpace();
    if (!match(STRING)) return false;
    skipSpace();
    return match(/:/y);
  };
  /** The closing brackets of the containers the scanner is in, innermost last. */
  const closers: string[] = [];
  for (;;) {
    // A value.
    skipSpace();
    const c = text[at];
    if (c === '{' || c === '[') {
      at++;
      skipSpace();
      const close = c === '{' ? '}' : ']';
      if (text[at] !== close) {
        closers.push(close);
        if (close === '}' && !key()) return at;
        continue;
      }
      at++;
    } else if (c === '"') {
      if (!match(STRING)) return at;
    } else if (c === 't' || c === 'f' || c === 'n') {
      if (!match(/true|false|null/y)) return at;
    } else if (!match(NUMBER)) {
      return at;
    }
    // After a value: the containers that end here, then a comma before the next value, or the end.
    for (;;) {
      skipSpace();
      const close = closers[closers.length - 1];
      if (close === undefined) return at < text.length ? at : text.length;
      if (text[at] === close) {
        at++;
        closers.pop();
        continue;
      }
      if (text[at] !== ',') return at;
      at++;
      if (close === '}' && !key()) return at;
      break;
    }
  }
}

const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;



let schemaValidator: ValidateFunction | undefined;

/** Throws a RegistryError at the first place the registry does not fit the schema. */
export function validateRegistryShape(file: string, config: unknown): void {
  schemaValidator ??= new Ajv({ allErrors: false, verbose: true }).compile(REGISTRY_SCHEMA);
  if (schemaValidator(config)) return;
  const error = schemaValidator.errors![0];
  const { jsonPath, expected } = describeSchemaError(error, config);
  throw new RegistryError(file, jsonPath, expected);
}

function describeSchemaError(error: ErrorObject, root: unknown): { jsonPath: string; expected: string } {
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  const at = jsonPathOf(segments, root);
  const description = (error.parentSchema?.description as string | undefined) ?? undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(error.parentSchema?.properties ?? {}).filter((k) => k !== '$schema');
      return { jsonPath: jsonPathOf([...segments, key], root), expected: `unknown key (expected one of: ${known.join(', ')})` };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      const property = resolveSchemaRef(error.parentSchema?.properties?.[key]);
      const what = property?.description ? `expected ${property.description}` : 'required';
      return { jsonPath: jsonPathOf([...segments, key], root), expected: `missing (${what})` };
    }
    case 'type': {
      const wanted = typePhrase(String(error.params.type));
      return { jsonPath: at, expected: `${describeValue(error.data)} is not ${wanted} (expected ${description ?? wanted})` };
    }
    case 'minimum':
    case 'minLength':
    case 'minItems':
      return { jsonPath: at, expected: `${describeValue(error.data)} is too small (expected ${description ?? error.message})` };
    case 'maxLength':
      // A glob's matcher (picomatch) refuses longer ones.
      return { jsonPath: at, expected: `${describeValue(error.data)} is too long (expected ${description ?? 'a string'}, at most ${error.params.limit} characters)` };
    default:
      return { jsonPath: at, expected: `${describeValue(error.data)}: ${error.message}` };
  }
}

function resolveSchemaRef(node: SchemaNode | undefined): { description?: string } | undefined {
  if (!node?.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '') as keyof typeof base.definitions;
  return base.definitions[name];
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `$.symbols[0].legacy[1].from`: indexes for arrays, dotted identifiers, quoted other keys. */
function jsonPathOf(segments: (string | number)[], root: unknown): string {
  let jsonPath = '$';
  let value = root;
  for (const segment of segments) {
    if (Array.isArray(value)) jsonPath += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(segment))) jsonPath += `.${segment}`;
    else jsonPath += `[${JSON.stringify(String(segment))}]`;
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return jsonPath;
}

function typePhrase(type: string): string {
  const phrases: Record<string, string> = {
    object: 'an object',
    array: 'an array',
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean',
  };
  return phrases[type] ?? type;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

