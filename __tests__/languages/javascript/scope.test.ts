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
