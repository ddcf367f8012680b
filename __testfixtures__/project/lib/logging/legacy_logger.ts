/** @deprecated Default export kept for old callers: import { createLogger } from ./logger. */
import { createLogger } from './logger';

export default createLogger;

/** Not migrated: still served by the stub. */
export const LEVEL = 'info';
