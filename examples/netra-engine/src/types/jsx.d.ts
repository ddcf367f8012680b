// A minimal JSX namespace, so the .tsx file type-checks without React's types.
declare namespace JSX {
  interface Element {
    readonly type: unknown;
  }
  interface IntrinsicElements {
    [tagName: string]: { className?: string; children?: unknown };
  }
}
