import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';

// A caller's own request id is kept when it looks like one, so a trace can cross systems.
const acceptableRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Secrets never reach the log: credentials in headers, wherever a request or response is logged,
 * and anything named like a password or token in a logged object.
 */
const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.tokenHash',
  '*.keyHash',
  '*.csrfToken',
];

/** The process's logger (createLogger's), for what logs outside a request's own logger. */
export const PROCESS_LOGGER = Symbol('PROCESS_LOGGER');

/** Structured JSON logs for the whole process, created before Nest so start-up lines share it. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'roi-api' },
    redact: REDACTED_PATHS,
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Errors as pino writes them, minus what a failed statement carries about its values: TypeORM's
 * QueryFailedError holds every parameter (a password hash, an email, a token's hash) and the
 * driver's error quotes values in `detail` ("Key (email)=(...)") and `where`. What is kept names
 * the failure (message, SQL state, table, constraint) without the data.
 */
export function serializeError(error: unknown): unknown {
  if (error === null || typeof error !== 'object') return error;
  // pino-http hands over an error it has already serialized; pino itself, the Error.
  const serialized = (
    error instanceof Error ? pino.stdSerializers.err(error) : { ...error }
  ) as Record<string, unknown>;
  for (const field of ['parameters', 'driverError', 'detail', 'where', 'internalQuery', 'hint']) {
    delete serialized[field];
  }
  if (typeof serialized.message === 'string') {
    serialized.message = withoutQuotedValues(serialized.message);
  }
  if (typeof serialized.stack === 'string') {
    serialized.stack = withoutQuotedValues(serialized.stack);
  }
  return serialized;
}

// PostgreSQL quotes a refused value in some messages: invalid input syntax for type uuid: "...".
const withoutQuotedValues = (text: string) => text.replace(/: "[^"\n]*"/g, ': "[Redacted]"');

// Link tokens travel in the path of the routes that take them; the log keeps the route, not them.
const TOKEN_IN_PATH = /\/(invitations|response-links|respond|shared\/board-packs)\/[^/?#]+/g;

export function withoutPathTokens(url: string): string {
  return url.replace(TOKEN_IN_PATH, '/$1/[Redacted]');
}

/** A serialized request without the link token in its url or its route parameters. */
function redactRequest(request: { url?: string; params?: unknown }) {
  const url = typeof request.url === 'string' ? withoutPathTokens(request.url) : request.url;
  return url === request.url ? request : { ...request, url, params: '[Redacted]' };
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
    serializers: { req: redactRequest, err: serializeError },
    // The client as Express sees it: behind TRUST_PROXY's proxies, from X-Forwarded-For.
    customProps: (request) => ({ clientAddress: (request as { ip?: string }).ip }),
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request) => request.url?.startsWith('/api/health') ?? false },
  };
}
