import { AgentError } from '../agents/agent_errors';

export function fail(reason: string): never {
  throw new AgentError(reason);
}
