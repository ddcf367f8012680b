/**
 * The alias test lets `apply` skip a file that names canonical modules only: it must let through every
 * way JavaScript imports a name under another local name, whatever stands between the name and `as`/`:`.
 */
import { aliasTest } from '../../../src/languages/javascript/alias-test';

const mayAlias = aliasTest(['NotFoundError', 'Timeout$Error']);

describe('the alias test', () => {
  it.each([
    ["import { NotFoundError as NF } from '../error';"],
    ["import {\n  NotFoundError\n    as NF,\n} from '../error';"],
    ["import { NotFoundError /* the old name */ as NF } from '../error';"],
    ["import {\n  NotFoundError // the old name\n  as NF } from '../error';"],
    // A line comment ends at any line terminator: CR, U+2028, U+2029.
    ["import {\n  NotFoundError // the old name\r  as NF } from '../error';"],
    ["import { NotFoundError // the old name\u2028as NF } from '../error';"],
    ["import { 'NotFoundError' as NF } from '../error';"],
    ['import { "NotFoundError" as NF } from "../error";'],
    ["import type { NotFoundError as NF } from '../error';"],
    ["import { type NotFoundError as NF } from '../error';"],
    ["import { Timeout$Error as TE } from '../error';"],
    ["const { NotFoundError: NF } = require('../error');"],
    ["const { 'NotFoundError': NF } = require('../error');"],
    ["const { NotFoundError /* c */ : NF } = require('../error');"],
    ["import { \\u004EotFoundError as NF } from '../error';"],
    ["import { '\\x4EotFoundError' as NF } from '../error';"],
    ["const { '\\116otFoundError': NF } = require('../error');"],
    // An identity escape or a line continuation inside the string still spells NotFoundError.
    ["import { 'N\\otFoundError' as NF } from '../error';"],
    ["const { \"NotFound\\Error\": NF } = require('../error');"],
    ["import { 'NotFoundError\\\n' as NF } from '../error';"],
    // HTML-like comments, which a script (.cjs) may hold between the name and the colon.
    ["const { NotFoundError <!-- old\n: NF } = require('../error');"],
    ["const { NotFoundError\n--> old\n: NF } = require('../error');"],
  ])('lets through %s', (text) => {
    expect(mayAlias(text)).toBe(true);
  });

  it.each([
    ["import { NotFoundError } from '../error';\nthrow new NotFoundError();"],
    ["import { NotFoundError, Timeout$Error } from '../error';\nexport const all = [NotFoundError, Timeout$Error];"],
    ["import { NotFoundErrorX as NF } from '../error';"],
    ["import { MyNotFoundError as NF } from '../error';"],
    ["import { $NotFoundError as NF } from '../error';"],
    ["import { NotFoundError } from '../error';\nconst x = y as NotFoundError;"],
    ["import { NotFoundError } from '../error';\nfunction f(e: NotFoundError): void {}"],
    ["import { NotFoundError } from '../error';\n// NotFoundError assures nothing\nNotFoundError.ascend;"],
    ['export const n = 1; /* NotFoundError /* as */'],
  ])('skips %s', (text) => {
    expect(mayAlias(text)).toBe(false);
  });

  it('lets nothing through without names', () => {
    expect(aliasTest([])("import { NotFoundError as NF } from '../error';")).toBe(false);
  });
});
