import makeLogger from '../../lib/logging/legacy_logger';

const log = makeLogger('engine');
log.info('ready');
