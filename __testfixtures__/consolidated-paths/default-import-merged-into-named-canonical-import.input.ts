import { type Logger } from '../../lib/logging/logger';
import makeLogger from '../../lib/logging/legacy_logger';

export const log: Logger = makeLogger('engine');
