import pino from 'pino';

export type { Logger } from 'pino';

/** JSON logs on stdout; LOG_LEVEL=silent in tests. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'chitieu' }, redact: ['req.headers.authorization', 'password', 'token'] });
}
