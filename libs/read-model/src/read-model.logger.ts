/** The pino methods the read model logs with; a pino logger fits as it is. */
export interface ReadModelLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: ReadModelLogger = { info() {}, warn() {}, error() {} };
