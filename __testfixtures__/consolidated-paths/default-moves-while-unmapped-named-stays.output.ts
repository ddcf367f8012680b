import { LEVEL } from '../../lib/logging/legacy_logger';
import { createLogger as makeLogger } from '../../lib/logging/logger';

export const log = makeLogger(LEVEL);
