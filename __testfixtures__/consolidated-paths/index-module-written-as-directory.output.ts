import { AgentError } from '../errors';

export function fail(reason: string): never {
  throw new AgentError(reason);
}
