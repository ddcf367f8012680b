/**
 * `import legacy.mod` binds `legacy`, and the module is reached through attribute chains:
 * `legacy.mod.Engine(ctx)`. Repointing the import alone would leave every chain naming the old module,
 * so each chain is a module string of its own (`legacy.mod` ➔ `canonical.mod`), and an import whose first
 * name the file also uses otherwise (`legacy.other`, `legacy` alone, an assignment to it) is pinned:
 * rewriting it would unbind that name.
 */
import type { ReadDeclaration } from '../import-model';
import type { PyImportSyntax } from './import-reader';
import type { PyModuleString } from './module-strings';
import type { PyScopes } from './scope';
import { NodeType, endOf, type ParseNode } from './syntax';
import { positionAt } from '../../shared/text-position';

export interface Chains {
  strings: PyModuleString[];
  /** Why each pinned declaration cannot be repointed. */
  pinned: Map<ReadDeclaration, string>;
}

/** `import a.b.c` (dotted, no alias): the declarations that bind only their first name. */
function plainDotted(decl: ReadDeclaration): string[] | null {
  const syntax = decl.syntax as PyImportSyntax;
  if (decl.form !== 'import' || decl.specs.length > 0 || !syntax.clause) return null;
  return syntax.clause.d.module.d.nameParts.map((p) => p.d.value);
}

export function attributeChains(decls: readonly ReadDeclaration[], scopes: PyScopes, text: string): Chains {
  const strings: PyModuleString[] = [];
  const pinned = new Map<ReadDeclaration, string>();
  const byBinding = new Map<unknown, { decl: ReadDeclaration; path: string[] }[]>();
  for (const decl of decls) {
    const path = plainDotted(decl);
    if (!path) continue;
    const head = (decl.syntax as PyImportSyntax).clause!.d.module.d.nameParts[0];
    const binding = scopes.bindingDeclaredBy(head);
    const group = byBinding.get(binding) ?? [];
    group.push({ decl, path });
    byBinding.set(binding, group);
  }
  for (const [binding, group] of byBinding) {
    const found: PyModuleString[] = [];
    let other: string | null = binding ? null : 'its first name is not a binding of this file';
    for (const reference of (binding as PyScopes['references'][number]['binding'])?.references ?? []) {
      // Climb a.b.c from the name: the parts and the node that ends each.
      const parts = [reference.name];
      const ends: ParseNode[] = [reference.node];
      let node: ParseNode = reference.node;
      while (node.parent?.nodeType === NodeType.MemberAccess && node.parent.d.leftExpr === node) {
        node = node.parent;
        parts.push(node.d.member.d.value);
        ends.push(node);
      }
      const match = group
        .filter(({ path }) => path.length <= parts.length && path.every((p, i) => parts[i] === p))
        .sort((a, b) => b.path.length - a.path.length)[0];
      if (!match) {
        other ??= `its name "${reference.name}" is also used otherwise (line ${positionAt(text, reference.start).line})`;
        continue;
      }
      const end = ends[match.path.length - 1];
      const span = { start: reference.start, end: endOf(end) };
      found.push({ form: 'attribute-chain', label: `${match.path.join('.')}.… attribute chain`, value: match.path.join('.'), literal: span, content: span });
    }
    if (other) for (const { decl } of group) pinned.set(decl, other);
    else strings.push(...found);
  }
  return { strings, pinned };
}
