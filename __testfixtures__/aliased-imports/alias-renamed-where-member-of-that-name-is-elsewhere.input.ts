import { createLogger as makeLogger } from '../../lib/logging/logger';

export const log = makeLogger('module');

export const loggers = {
  createLogger: (name: string) => ({ name }),
};
