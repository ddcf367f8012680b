import { createLogger as makeLogger } from '../../lib/logging/logger';

export const loggers = {
  createLogger(name: string) {
    return makeLogger(`loggers:${name}`);
  },
};
