// A test double that is *named* UserExecutionEngine and wraps the real one, imported under an alias.
// Pattern: aliased-imports cannot give the import its canonical name here (the name is already bound in
// this file), so nothing changes and the conflict is reported.
import { UserExecutionEngine as RealEngine, type AgentResult } from '../../src/agents/supervisor/user_execution_engine';
import { echoAgentFactory, silentEmitter } from '../../src/agents/supervisor/execution_engine_factory';

export class UserExecutionEngine extends RealEngine {
  readonly calls: string[] = [];

  constructor(userId: string) {
    super({ userId, runId: 'test' }, echoAgentFactory, silentEmitter);
  }

  override async executeAgent(agentName: string, task: string): Promise<AgentResult> {
    this.calls.push(`${agentName}(${task})`);
    return super.executeAgent(agentName, task);
  }
}
