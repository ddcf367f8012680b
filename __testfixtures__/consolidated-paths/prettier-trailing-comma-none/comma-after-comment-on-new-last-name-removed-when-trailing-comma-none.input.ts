import {
  LEGACY_ENGINE_FLAG /* still served by the stub */,
  UserExecutionEngine
} from '../../agents/execution_engine_consolidated';

export function start(): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine({ userId: 'u' }) : null;
}
