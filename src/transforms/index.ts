import type { TransformDefinition, TransformName } from './definition';
import { TRANSFORM_ORDER } from './definition';
import { directInstantiation } from './direct-instantiation';
import { consolidatedPaths } from './consolidated-paths';
import { aliasedImports } from './aliased-imports';

const BY_NAME: Record<TransformName, TransformDefinition> = {
  'direct-instantiation': { name: 'direct-instantiation', run: directInstantiation },
  'consolidated-paths': { name: 'consolidated-paths', run: consolidatedPaths },
  'aliased-imports': { name: 'aliased-imports', run: aliasedImports },
};

export const TRANSFORM_DESCRIPTIONS: Record<TransformName, string> = {
  'direct-instantiation': 'new Legacy(args) ➔ factory(args), the factory import added',
  'consolidated-paths': 'references to legacy modules and symbols ➔ the canonical module, local names kept',
  'aliased-imports': 'canonical symbols imported under another name ➔ their canonical name, references renamed',
};

/** The named transforms, always in the order that gives the canonical form; all of them by default. */
export function selectTransforms(names?: string[]): TransformDefinition[] {
  const wanted = names && names.length > 0 ? names : TRANSFORM_ORDER;
  for (const name of wanted) {
    if (!(name in BY_NAME)) throw new Error(`unknown transform "${name}" (expected one of: ${TRANSFORM_ORDER.join(', ')})`);
  }
  return TRANSFORM_ORDER.filter((name) => wanted.includes(name)).map((name) => BY_NAME[name]);
}
