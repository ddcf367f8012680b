// WebSocket connection handler. Patterns: the legacy adapter through the `@app/*` alias, with a mapped
// name (IsolatedExecutionEngine, used as a value) and unmapped ones (adaptLegacyResult, LegacyAgentResult);
// an existing `import type` of the canonical module, which a value import must not be merged into.
import {
  IsolatedExecutionEngine,
  adaptLegacyResult,
  type LegacyAgentResult,
} from '@app/agents/execution_engine_legacy_adapter';
import type { AgentFactory, EngineEvent, WebSocketEmitter } from '@app/agents/supervisor/user_execution_engine';

export interface Socket {
  readonly userId: string;
  send(data: string): void;
}

function emitterFor(socket: Socket): WebSocketEmitter {
  return { emit: (event: EngineEvent) => socket.send(JSON.stringify(event)) };
}

export async function onMessage(
  socket: Socket,
  message: { runId: string; agent: string; task: string },
  agents: AgentFactory,
): Promise<LegacyAgentResult> {
  const engine = new IsolatedExecutionEngine({ userId: socket.userId, runId: message.runId }, agents, emitterFor(socket));
  return adaptLegacyResult(await engine.executeAgent(message.agent, message.task));
}
