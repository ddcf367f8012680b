import { createLogger as makeLogger, type Logger } from '../../lib/logging/logger';

export class Service {
  private readonly log: Logger = makeLogger('service');

  /** Renamed, the body would read `createLogger(…)` inside a member of that name: as if it recursed. */
  createLogger = (name: string): Logger => makeLogger(`service:${name}`);
}
