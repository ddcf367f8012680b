/** The package root: the canonical home of its helpers. */
export * from './format';
