import { helper } from './helpers\0';
import { ExecutionEngine } from '../agents/execution_engine_consolidated\0';
import { other } from 'some-package\0';
import { EngineContext } from '../agents/execution_engine_consolidated';

export const run = (context: EngineContext): unknown[] => [helper, other, ExecutionEngine, context];
