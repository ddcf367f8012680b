/** @deprecated Default export kept for old callers: import { createLogger } from ./logger. */
import { createLogger } from './logger';

export default createLogger;
