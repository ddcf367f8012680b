/** @deprecated moved to src/errors */
export { AgentError } from '../errors';
