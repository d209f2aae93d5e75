import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Environment } from '../config/app-config.js';

/** Where a test captures log lines instead of standard output; a terminal has `isTTY`. */
export type LogOutput = DestinationStream & { readonly isTTY?: boolean };

/**
 * JSON lines, one object per line, for whatever collects them; but a person
 * running the service in development on a terminal reads them coloured, one
 * line each, with the local time.
 */
export function createRootLogger(level: string, environment: Environment, output?: LogOutput): Logger {
  const options = { level, base: { service: 'cooperation-network' }, timestamp: pino.stdTimeFunctions.isoTime };
  const terminal = output === undefined ? process.stdout.isTTY : output.isTTY === true;
  if (environment === 'development' && terminal) {
    return pino(
      options,
      pretty({
        destination: output ?? process.stdout.fd,
        sync: true,
        colorize: true,
        singleLine: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,service',
      }),
    );
  }
  return pino(options, output);
}

/** Routes NestJS's own log lines into the same stream as ours. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
