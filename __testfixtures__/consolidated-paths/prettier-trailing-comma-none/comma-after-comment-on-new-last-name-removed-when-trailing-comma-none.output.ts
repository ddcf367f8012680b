import {
  LEGACY_ENGINE_FLAG /* still served by the stub */
} from '../../agents/execution_engine_consolidated';
import { UserExecutionEngine } from '../../agents/supervisor/user_execution_engine';

export function start(): UserExecutionEngine | null {
  return LEGACY_ENGINE_FLAG ? new UserExecutionEngine({ userId: 'u' }) : null;
}
