/**
 * The registry file's syntax and shape: JSON with comments (JSONC; a syntax error is located by line and column), then the
 * JSON Schema — the base schema beside this file with each language's own settings added, which is also
 * what `npm run build` writes to schema/ssot.config.schema.json for editors. The first problem is thrown as
 * a RegistryError naming the JSON path and what is expected.
 */
import * as fs from 'node:fs';
import type { ErrorObject, Options as AjvOptions, ValidateFunction } from 'ajv';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import base from './registry.schema.json';
import { positionAt } from '../shared/text-position';
import { LANGUAGES } from '../languages';
import { RegistryError } from './registry-error';
import { didYouMean } from '../shared/nearest';

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

/**
 * The registry file's data, or a RegistryError locating its first syntax error. JSON with comments and
 * trailing commas is accepted, as tsconfig.json allows (JSONC).
 */
export function parseRegistryJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RegistryError(file, '$', `cannot be read: ${(error as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  let data: unknown;
  try {
    data = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser descends one call per level: a hostile file nested deeply enough overflows the stack.
    if (error instanceof RangeError) throw new RegistryError(file, '$', 'invalid JSON: nested too deeply to be read (expected a JSON object a few levels deep)');
    throw error;
  }
  if (errors.length === 0) return data;
  const [first] = errors;
  const { line, column } = positionAt(text, first.offset);
  throw new RegistryError(file, '$', `invalid JSON at ${line}:${column}: ${syntaxReason(text, first)} (expected a JSON object; comments and trailing commas are allowed)`);
}

/** What jsonc-parser's error code means, in words. */
function syntaxReason(text: string, error: ParseError): string {
  const found = text.slice(error.offset, error.offset + Math.min(error.length, 20));
  const token = found ? `"${found}"` : 'the end of the file';
  const reasons: Record<string, string> = {
    InvalidSymbol: `Unexpected token ${token}`,
    InvalidNumberFormat: `invalid number ${token}`,
    PropertyNameExpected: `a property name in double quotes expected, found ${token}`,
    ValueExpected: `a value expected, found ${token}`,
    ColonExpected: `":" expected, found ${token}`,
    CommaExpected: `"," expected, found ${token}`,
    CloseBraceExpected: `"}" expected, found ${token}`,
    CloseBracketExpected: `"]" expected, found ${token}`,
    EndOfFileExpected: `nothing expected after the value, found ${token}`,
    InvalidCommentToken: 'invalid comment',
    UnexpectedEndOfComment: 'a comment that never ends',
    UnexpectedEndOfString: 'a string that never ends',
    UnexpectedEndOfNumber: 'a number cut short',
    InvalidUnicode: 'an invalid \\u escape',
    InvalidEscapeCharacter: 'an invalid escape character',
    InvalidCharacter: 'a control character inside a string',
  };
  const code = printParseErrorCode(error.error);
  return reasons[code] ?? code;
}

/** How the schema is compiled: at build time into registry-validator.js (scripts/write-schema.js), or here. */
export const AJV_OPTIONS: AjvOptions = { allErrors: false, verbose: true };

/** The file `npm run build` compiles the schema into, beside this module in dist/. */
export const PRECOMPILED_VALIDATOR = 'registry-validator.js';

let schemaValidator: ValidateFunction | undefined;

/**
 * The validator compiled by the build: loading Ajv and compiling the schema would cost most of the time a
 * registry takes to load, on every command. From the TypeScript sources (the tests), it is compiled here.
 */
function compiledValidator(): ValidateFunction {
  try {
    return require(`./${PRECOMPILED_VALIDATOR}`) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  return new Ajv(AJV_OPTIONS).compile(REGISTRY_SCHEMA);
}

/** Throws a RegistryError at the first place the registry does not fit the schema. */
export function validateRegistryShape(file: string, config: unknown): void {
  schemaValidator ??= compiledValidator();
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
      return { jsonPath: jsonPathOf([...segments, key], root), expected: `unknown key (expected one of: ${known.join(', ')})${didYouMean(key, known)}` };
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

