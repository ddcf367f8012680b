import '../agents/agent_errors';

export const errorsLoaded = true;
