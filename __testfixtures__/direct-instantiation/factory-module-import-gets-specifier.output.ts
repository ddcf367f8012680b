import { LEGACY_ENGINE_FLAG } from '../agents/execution_engine_consolidated';
import {
  ExecutionEngineFactory,
  createUserExecutionEngine,
} from '../agents/supervisor/execution_engine_factory';

const factory = new ExecutionEngineFactory();

export function build(userId: string) {
  return LEGACY_ENGINE_FLAG ? createUserExecutionEngine({ userId }) : factory.create({ userId });
}
