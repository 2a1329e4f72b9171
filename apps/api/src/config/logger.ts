import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type Logger } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';

// A caller's own request id is kept when it looks like one, so a trace can cross systems.
const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/** Structured JSON logs for the whole process, created before Nest so start-up lines share it. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'roi-api' },
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
  });
}

type RequestWithId = IncomingMessage & { id?: string };

/**
 * One id per request: taken from X-Request-Id when sound, else new; echoed in the response.
 * Registered as the very first middleware, so even a body the JSON parser refuses has one.
 */
export function assignRequestId(
  request: RequestWithId,
  response: ServerResponse,
  next: () => void,
): void {
  const incoming = request.headers['x-request-id'];
  request.id =
    typeof incoming === 'string' && acceptableRequestId.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  next();
}

export function requestLoggingOptions(logger: Logger): PinoHttpOptions {
  return {
    logger,
    genReqId: (request) => request.id ?? randomUUID(),
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') ?? false },
  };
}
