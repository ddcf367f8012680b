import type { default as Resolver } from 'not-an-installed-package';
import { EngineContext } from '../agents/execution_engine_consolidated';

export function resolveWith(resolver: Resolver, context: EngineContext): unknown[] {
  return [resolver, context];
}
