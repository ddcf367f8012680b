/**
 * The build writes Babel's visitor keys as JSON beside the built module (scripts/write-visitor-keys.js), so
 * that no thread loads @babel/types' node definitions: the JSON must be the installed package's keys, and
 * the built module must answer with them.
 */
import * as path from 'node:path';
import { BUILT_VISITOR_KEYS } from '../../../src/languages/javascript/visitor-keys';

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
