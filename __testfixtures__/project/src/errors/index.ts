export class AgentError extends Error {}
