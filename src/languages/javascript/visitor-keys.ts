/**
 * Babel's VISITOR_KEYS (which fields of each node type hold child nodes), taken from @babel/types' node
 * definitions alone: the package's entry point also loads its builders, validators and helpers, 40 ms of
 * module loading in every thread of every run (issue 15), none of which a walk needs. The dependency is
 * pinned; should a version no longer have the file, the whole package answers the same.
 */
type VisitorKeys = Record<string, readonly string[] | undefined>;

function load(): VisitorKeys {
  try {
    const keys = (require('@babel/types/lib/definitions/index.js') as { VISITOR_KEYS?: VisitorKeys }).VISITOR_KEYS;
    if (keys && keys.Program) return keys;
  } catch {
    // the whole package below
  }
  return (require('@babel/types') as { VISITOR_KEYS: VisitorKeys }).VISITOR_KEYS;
}

export const VISITOR_KEYS: VisitorKeys = load();
