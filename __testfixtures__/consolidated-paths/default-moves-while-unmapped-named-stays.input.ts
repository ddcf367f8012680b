import makeLogger, { LEVEL } from '../../lib/logging/legacy_logger';

export const log = makeLogger(LEVEL);
