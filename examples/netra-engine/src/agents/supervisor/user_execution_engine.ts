/**
 * The canonical execution engine (SSOT): one instance per user request, built with everything it needs.
 *
 * Before the consolidation an engine was created with no arguments and shared one global context, so
 * concurrent users could see each other's runs and WebSocket events. Here the context, the agent factory
 * and the WebSocket emitter are all constructor arguments: nothing is shared unless a caller shares it.
 */

/** Who the engine runs for. Every run, event and result is tagged with it. */
export interface ExecutionContext {
  readonly userId: string;
  readonly runId: string;
  readonly threadId?: string;
}

/** What an agent does with a task. */
export interface Agent {
  readonly name: string;
  execute(task: string, context: ExecutionContext): Promise<string>;
}

/** Builds the agents an engine may run; injected so that tests and tenants can supply their own. */
export interface AgentFactory {
  create(agentName: string, context: ExecutionContext): Agent;
}

/** Where progress events go: a WebSocket in production, an array in tests. */
export interface WebSocketEmitter {
  emit(event: EngineEvent): void;
}

export type EngineEventType = 'agent_started' | 'agent_completed' | 'agent_failed';

export interface EngineEvent {
  readonly type: EngineEventType;
  readonly userId: string;
  readonly runId: string;
  readonly agent: string;
  readonly payload?: string;
}

export interface AgentResult {
  readonly agent: string;
  readonly ok: boolean;
  readonly output: string;
}

export class UserExecutionEngine {
  private readonly history: AgentResult[] = [];

  constructor(
    readonly context: ExecutionContext,
    private readonly agentFactory: AgentFactory,
    private readonly websocketEmitter: WebSocketEmitter,
  ) {}

  get userId(): string {
    return this.context.userId;
  }

  /** Runs one agent for this engine's user and reports progress to that user only. */
  async executeAgent(agentName: string, task: string): Promise<AgentResult> {
    const agent = this.agentFactory.create(agentName, this.context);
    this.notify('agent_started', agentName);
    try {
      const output = await agent.execute(task, this.context);
      const result: AgentResult = { agent: agentName, ok: true, output };
      this.history.push(result);
      this.notify('agent_completed', agentName, output);
      return result;
    } catch (error) {
      const result: AgentResult = { agent: agentName, ok: false, output: String(error) };
      this.history.push(result);
      this.notify('agent_failed', agentName, result.output);
      return result;
    }
  }

  /** What this engine has run so far; never another user's results. */
  results(): readonly AgentResult[] {
    return [...this.history];
  }

  private notify(type: EngineEventType, agent: string, payload?: string): void {
    this.websocketEmitter.emit({ type, userId: this.context.userId, runId: this.context.runId, agent, payload });
  }
}
