import { AgentError } from '../errors';

export const fail = (reason: string): never => {
  throw new AgentError(reason);
};
