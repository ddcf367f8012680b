import { default as makeLogger } from '../../lib/logging/legacy_logger';

export const log = makeLogger('worker');
