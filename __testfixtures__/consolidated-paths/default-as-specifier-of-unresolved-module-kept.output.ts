import type { default as Resolver } from 'not-an-installed-package';
import { EngineContext } from '../agents/supervisor/user_execution_engine';

export function resolveWith(resolver: Resolver, context: EngineContext): unknown[] {
  return [resolver, context];
}
