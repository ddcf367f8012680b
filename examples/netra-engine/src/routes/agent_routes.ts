// HTTP route that runs one agent for the calling user.
// Pattern: `new ExecutionEngine(context)` inside a function, imported from the consolidated stub
// (relative specifier). Migratable: it has a context, so it becomes createUserExecutionEngine(context).
import { ExecutionEngine, type ExecutionContext } from '../agents/execution_engine_consolidated';
import type { AgentResult } from '../agents/supervisor/user_execution_engine';

export interface AgentRequest {
  userId: string;
  requestId: string;
  agent: string;
  task: string;
}

function contextOf(request: AgentRequest): ExecutionContext {
  return { userId: request.userId, runId: request.requestId };
}

export async function runAgentRoute(request: AgentRequest): Promise<AgentResult> {
  const engine: ExecutionEngine = new ExecutionEngine(contextOf(request));
  return engine.executeAgent(request.agent, request.task);
}

/** `instanceof` and type positions do not construct anything: they survive the repointing. */
export function isEngine(value: unknown): value is ExecutionEngine {
  return value instanceof ExecutionEngine;
}
