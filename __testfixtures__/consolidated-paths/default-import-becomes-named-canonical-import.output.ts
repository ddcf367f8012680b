import { createLogger as makeLogger } from '../../lib/logging/logger';

const log = makeLogger('engine');
log.info('ready');
