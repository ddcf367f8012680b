/**
 * @deprecated Legacy adapter from the "isolated engine" era. `IsolatedExecutionEngine` is nothing but the
 * canonical `UserExecutionEngine` under its old name; `adaptLegacyResult` has no canonical home yet and
 * stays here until its last caller is gone.
 */
import type { AgentResult } from './supervisor/user_execution_engine';

export { UserExecutionEngine as IsolatedExecutionEngine } from './supervisor/user_execution_engine';

/** The pre-SSOT result shape some WebSocket clients still expect. */
export interface LegacyAgentResult {
  agent_name: string;
  success: boolean;
  result: string;
}

export function adaptLegacyResult(result: AgentResult): LegacyAgentResult {
  return { agent_name: result.agent, success: result.ok, result: result.output };
}
