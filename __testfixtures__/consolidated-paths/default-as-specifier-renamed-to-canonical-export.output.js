import { createLogger as makeLogger } from '../../lib/logging/logger';

export const log = makeLogger('worker');
