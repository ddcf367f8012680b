import {
  type Logger,
  createLogger as makeLogger,
} from '../../lib/logging/logger';

export const log: Logger = makeLogger('engine');
