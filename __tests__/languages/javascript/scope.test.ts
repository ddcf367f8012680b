import { parseSource } from '../../../src/languages/javascript/parse';
import { analyzeScopes, type ReferenceContext } from '../../../src/languages/javascript/scope';

/** The contexts in which the binding declared by `import { B }` is referenced, in source order. */
function importReferences(code: string, file = 'case.tsx'): ReferenceContext[] {
  const ast = parseSource(code, file);
  const analysis = analyzeScopes(ast.program);
  const binding = analysis.bindings.find((b) => b.name === 'B' && b.declaration.type === 'ImportSpecifier');
  if (!binding) throw new Error('no import binding B');
  return binding.references.map((r) => r.context);
}

describe('scope analysis', () => {
  it('resolves value, type, typeof, new, extends and instanceof uses to the import', () => {
    const code = `import { B } from 'b';
      let x: B = new B(); class C extends B {} type T = typeof B; x instanceof B; B.staticCall();`;
    expect(importReferences(code, 'case.ts')).toEqual(['type', 'new-callee', 'extends', 'typeof-type', 'instanceof', 'value']);
  });

  it('does not resolve a block-scoped let, a catch parameter or a for-let to the import', () => {
    const code = `import { B } from 'b';
      { let B = 1; B; }
      try {} catch (B) { B; }
      for (let B of []) { B; }
      function f(B: number) { return B; }
      B;`;
    expect(importReferences(code, 'case.ts')).toEqual(['value']);
  });

  it("hoists a `var` from every statement that may hold it to its function's scope, never out of a function or class", () => {
    // Each `var X<n>` shadows, in the whole of f, the import of the same name; uses after the blocks show it.
    const holders = [
      'if (a) { var B1 = 1; } else var B2 = 2;',
      'for (var B3 = 0;;) break;',
      'for (var B4 in a) break;',
      'for (var B5 of a) break;',
      'while (a) var B6 = 1;',
      'do { var B7 = 1; } while (a);',
      'try { var B8 = 1; } catch { var B9 = 1; } finally { var B10 = 1; }',
      'switch (a) { case 1: var B11 = 1; }',
      'label: { var B12 = 1; }',
      '{ { var B13 = 1; } }',
    ];
    const names = holders.map((_, i) => `B${i + 1}`).concat(['B11', 'B12', 'B13']).filter((n, i, all) => all.indexOf(n) === i);
    const imports = `import { ${names.join(', ')}, C1, C2, C3 } from 'b';`;
    const code = `${imports}
      function f(a: any) {
        ${holders.join('\n        ')}
        return [${names.join(', ')}];
      }
      function g() { const h = () => { var C1 = 1; }; class K { static { var C2 = 1; } m() { var C3 = 1; } } return [C1, C2, C3]; }
      export var D = 1;`;
    const analysis = analyzeScopes(parseSource(code, 'case.ts').program);
    const imported = (name: string) => analysis.bindings.find((b) => b.name === name && b.declaration.type === 'ImportSpecifier')!;
    // Every B use in f reads f's own var: none reaches the import.
    expect(names.map((n) => [n, imported(n).references.length])).toEqual(names.map((n) => [n, 0]));
    // A var in an arrow, a static block or a method is theirs: g's uses reach the imports.
    expect(['C1', 'C2', 'C3'].map((n) => imported(n).references.length)).toEqual([1, 1, 1]);
    // `export var` declares in the module scope.
    expect(analysis.program.bindings.get('D')?.map((b) => b.declarationKind)).toEqual(['var']);
  });

  it('sees a shorthand with a default in an assignment pattern as a shorthand property: its name is also the key', () => {
    // (renamed as a plain value, `({ B = 1 } = o)` would become `({ C = 1 } = o)` and read another property)
    const code = `import { B } from 'b';\nlet o = {};\n({ B = 1 } = o);\n({ x: B = 2 } = o);\n`;
    expect(importReferences(code, 'case.js')).toEqual(['shorthand-property', 'value']);
  });

  it('does not take the name a UMD declaration gives its global (`export as namespace B`) for a reference', () => {
    const code = `import { B } from 'b';\nexport declare const x: B;\nexport as namespace B;\n`;
    expect(importReferences(code, 'case.d.ts')).toEqual(['type']);
  });

  it('lets a type parameter or a local type shadow the type only', () => {
    const code = `import { B } from 'b';
      function f<B>(x: B) { return B; }
      function g() { type B = string; const y: B = ''; return new B(); }`;
    expect(importReferences(code, 'case.ts')).toEqual(['value', 'new-callee']);
  });

  it('ignores property keys, member names, labels and function-type parameter names', () => {
    const code = `import { B } from 'b';
      const o = { B: 1 }; o.B; B: for (;;) { break B; }
      type F = (B: string) => void; interface I { B: string; B2(): void }`;
    expect(importReferences(code, 'case.ts')).toEqual([]);
  });

  it('sees shorthand properties, export specifiers and JSX element names, not attributes or intrinsics', () => {
    const code = `import { B } from 'b';
      const o = { B }; export { B };
      const e = <B.Item B="x"><B /></B.Item>; const d = <b />;`;
    expect(importReferences(code)).toEqual(['shorthand-property', 'export-specifier', 'jsx', 'jsx', 'jsx']);
  });

  it('hoists var out of nested blocks into the function', () => {
    const code = `import { B } from 'b';
      function f() { if (true) { var B = 1; } return B; }
      B;`;
    expect(importReferences(code, 'case.ts')).toEqual(['value']);
  });

  it('marks references inside functions and instance fields as deferred, module scope as not', () => {
    const ast = parseSource(`import { B } from 'b'; new B(); function f() { new B(); } class C { x = new B(); static y = new B(); }`, 'case.ts');
    const refs = analyzeScopes(ast.program).references.filter((r) => r.node.name === 'B');
    expect(refs.map((r) => r.deferred)).toEqual([false, true, true, false]);
  });

  it('treats qualified names by their leftmost part and decorators as value uses', () => {
    const code = `import { B } from 'b';
      let a: B.Inner; let b: typeof B.member;
      class K { constructor(@B() private readonly k: string) {} }`;
    expect(importReferences(code, 'case.ts')).toEqual(['type', 'typeof-type', 'value']);
  });
});

describe('the walk\'s visitor keys', () => {
  it('are @babel/types\' own, loaded without the rest of the package', () => {
    const { VISITOR_KEYS } = require('../../../src/languages/javascript/visitor-keys') as typeof import('../../../src/languages/javascript/visitor-keys');
    expect(VISITOR_KEYS).toEqual((require('@babel/types') as { VISITOR_KEYS: unknown }).VISITOR_KEYS);
  });
});
