import pino, { type Logger } from 'pino';

/** The process-wide structured logger (JSON lines on stdout); requests get children with their id. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'maillon' },
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password'],
  });
}
