/**
 * Babel's VISITOR_KEYS (which fields of each node type hold child nodes). The build writes them beside
 * this module as JSON (scripts/write-visitor-keys.js): loading them costs under 1 ms a thread, where
 * @babel/types' node definitions cost 14 ms and its entry point, which also loads builders, validators and
 * helpers, 40 ms (issue 15). From the TypeScript sources (the tests), the definitions are read; the
 * dependency is pinned, and should a version no longer have that file, the whole package answers the same.
 */
type VisitorKeys = Record<string, readonly string[] | undefined>;

/** The file `npm run build` writes the keys into, beside this module in dist/. */
export const BUILT_VISITOR_KEYS = './visitor-keys.json';

function load(): VisitorKeys {
  try {
    return require(BUILT_VISITOR_KEYS) as VisitorKeys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  try {
    const keys = (require('@babel/types/lib/definitions/index.js') as { VISITOR_KEYS?: VisitorKeys }).VISITOR_KEYS;
    if (keys && keys.Program) return keys;
  } catch {
    // the whole package below
  }
  return (require('@babel/types') as { VISITOR_KEYS: VisitorKeys }).VISITOR_KEYS;
}

export const VISITOR_KEYS: VisitorKeys = load();

function isNode(value: unknown): value is { type: string } {
  return !!value && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Every node of a Babel tree, `root` first, each before its children and the children in source order (as
 * a recursive walk would), without recursion: a deep tree cannot overflow the stack.
 */
export function forEachNode<Node extends { type: string }>(root: Node, visit: (node: Node) => void): void {
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    const keys = VISITOR_KEYS[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) pending.push(child[i] as Node);
      } else if (isNode(child)) {
        pending.push(child as Node);
      }
    }
  }
}
