/**
 * The build writes Babel's visitor keys as JSON beside the built module (scripts/write-visitor-keys.js), so
 * that no thread loads @babel/types' node definitions: the JSON must be the installed package's keys, and
 * the built module must answer with them.
 */
import * as path from 'node:path';
import { parse } from '@babel/parser';
import { BUILT_VISITOR_KEYS, forEachNode } from '../../../src/languages/javascript/visitor-keys';

const BUILT = path.join(__dirname, '..', '..', '..', 'dist', 'src', 'languages', 'javascript');

it("writes the installed @babel/types' visitor keys, and the built engine reads them", () => {
  const installed = (require('@babel/types') as { VISITOR_KEYS: Record<string, string[]> }).VISITOR_KEYS;
  const written = require(path.join(BUILT, BUILT_VISITOR_KEYS)) as Record<string, string[]>;
  expect(Object.keys(written).length).toBeGreaterThan(200);
  expect(written).toEqual(JSON.parse(JSON.stringify(installed)));
  const built = require(path.join(BUILT, 'visitor-keys.js')) as { VISITOR_KEYS: unknown };
  expect(built.VISITOR_KEYS).toBe(written); // the very object the JSON loads as, not one read from @babel/types
  expect(written.TSAsExpression).toEqual(['expression', 'typeAnnotation']);
});

describe('forEachNode', () => {
  const typesOf = (code: string): string[] => {
    const types: string[] = [];
    forEachNode(parse(code).program as { type: string }, (node) => types.push(node.type));
    return types;
  };

  it('visits each node before its children, and the children in source order', () => {
    expect(typesOf('f(a, [b]); g = 1;')).toEqual([
      'Program',
      'ExpressionStatement', 'CallExpression', 'Identifier', 'Identifier', 'ArrayExpression', 'Identifier',
      'ExpressionStatement', 'AssignmentExpression', 'Identifier', 'NumericLiteral',
    ]);
  });

  it('walks a tree deeper than the call stack', () => {
    const types = typesOf(`x${'.a'.repeat(50_000)};`);
    expect(types.filter((type) => type === 'MemberExpression')).toHaveLength(50_000);
  });
});
