/** What is derived from the table of transforms, and the choice of which to run. */
import { TRANSFORMS, type TransformDefinition, type TransformFinding, type TransformName } from './table';
import { didYouMean } from '../shared/nearest';

export * from './table';

/** Every transform's own finding kinds, in table order. */
export const TRANSFORM_FINDINGS: readonly TransformFinding[] = TRANSFORMS.flatMap(
  (transform): readonly TransformFinding[] => transform.findings,
);

export const TRANSFORM_ORDER: TransformName[] = TRANSFORMS.map((transform) => transform.name);

export const TRANSFORM_DESCRIPTIONS = Object.fromEntries(
  TRANSFORMS.map((transform) => [transform.name, transform.description]),
) as Record<TransformName, string>;

const BY_NAME: Record<string, TransformDefinition> = Object.fromEntries(TRANSFORMS.map((transform) => [transform.name, transform]));

/** The named transforms, always in the order that gives the canonical form; all of them by default. */
export function selectTransforms(names?: string[]): TransformDefinition[] {
  const wanted = names && names.length > 0 ? names : TRANSFORM_ORDER;
  for (const name of wanted) {
    if (!Object.hasOwn(BY_NAME, name)) {
      throw new Error(`unknown transform "${name}" (expected one of: ${TRANSFORM_ORDER.join(', ')})${didYouMean(name, TRANSFORM_ORDER)}`);
    }
  }
  return TRANSFORM_ORDER.filter((name) => wanted.includes(name)).map((name) => BY_NAME[name]);
}
