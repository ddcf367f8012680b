/**
 * The canonical (SSOT) way to build engines. Everything else that builds an engine — the unified factory,
 * the core/managers compatibility factory, `new ExecutionEngine()` — should end up here.
 */
import {
  UserExecutionEngine,
  type Agent,
  type AgentFactory,
  type ExecutionContext,
  type WebSocketEmitter,
} from './user_execution_engine';

/** Agents that echo their task: the default when a caller has no factory of its own. */
export const echoAgentFactory: AgentFactory = {
  create(agentName: string): Agent {
    return { name: agentName, execute: async (task) => `${agentName}: ${task}` };
  },
};

/** Drops every event: the default when nobody listens. */
export const silentEmitter: WebSocketEmitter = { emit: () => undefined };

/** One engine for one user's request. The context is required: there is no global default any more. */
export function createUserExecutionEngine(
  context: ExecutionContext,
  agentFactory: AgentFactory = echoAgentFactory,
  websocketEmitter: WebSocketEmitter = silentEmitter,
): UserExecutionEngine {
  if (!context.userId) throw new Error('createUserExecutionEngine: context.userId is required');
  return new UserExecutionEngine(context, agentFactory, websocketEmitter);
}

/** Holds the shared dependencies and builds a fresh, isolated engine per request. */
export class ExecutionEngineFactory {
  constructor(
    private readonly agentFactory: AgentFactory = echoAgentFactory,
    private readonly websocketEmitter: WebSocketEmitter = silentEmitter,
  ) {}

  create(context: ExecutionContext): UserExecutionEngine {
    return createUserExecutionEngine(context, this.agentFactory, this.websocketEmitter);
  }
}
