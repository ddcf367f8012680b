import { AgentError } from '../agents/agent_errors';

export const fail = (reason: string): never => {
  throw new AgentError(reason);
};
