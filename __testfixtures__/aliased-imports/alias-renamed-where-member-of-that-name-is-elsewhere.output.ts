import { createLogger } from '../../lib/logging/logger';

export const log = createLogger('module');

export const loggers = {
  createLogger: (name: string) => ({ name }),
};
