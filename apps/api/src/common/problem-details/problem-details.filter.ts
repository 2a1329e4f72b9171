import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Inject,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { PROCESS_LOGGER } from '../../config/logger';
import { STATUS_CODES } from 'node:http';
import { allowedMethods } from '../http/allowed-methods';
import { databaseInputProblem } from './database-input-problem';
import { type ProblemDetails, ProblemException } from './problem';

type RequestWithId = Request & {
  id?: string;
  log?: { error(details: object, message: string): void };
};

/** Errors raised by Express's body parser before any route runs (they carry their own status). */
interface BodyParserError {
  type: string;
  message: string;
  status: number;
  expose?: boolean;
}

/**
 * The one place an error becomes an HTTP answer: every failure, whether thrown by a service, the
 * validation pipe, the router or the body parser, leaves as an RFC 9457 application/problem+json
 * body with the request id. Unexpected errors are logged in full and answered without internals.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(PROCESS_LOGGER) private readonly logger: Logger,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<RequestWithId>();
    const response = context.getResponse<Response>();
    const problem = this.toProblem(exception, request, response);
    problem.instance ??= request.originalUrl;
    if (request.id) problem.requestId = String(request.id);
    if (problem.status >= 500) {
      // The logger's error serializer drops a failed statement's parameters (see config/logger.ts).
      // The web app's pages carry no request logger: their failures are logged all the same (by
      // request id; not by address, which for a shared pack holds its token).
      (request.log ?? this.logger).error(
        { err: exception, requestId: request.id },
        'request failed with an unexpected error',
      );
    }
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(thrown: unknown, request: Request, response: Response): ProblemDetails {
    // A problem thrown inside Express middleware (the JSON parser's verify hook) arrives wrapped.
    const exception =
      thrown instanceof HttpException && thrown.cause instanceof ProblemException
        ? thrown.cause
        : thrown;
    if (exception instanceof ProblemException) {
      for (const [name, value] of Object.entries(exception.headers)) {
        response.setHeader(name, value);
      }
      return {
        type: exception.type,
        title: exception.title,
        status: exception.status,
        ...(exception.detail ? { detail: exception.detail } : {}),
        ...exception.extensions,
      };
    }
    const bodyParserError = isBodyParserError(exception)
      ? exception
      : exception instanceof HttpException && isBodyParserError(exception.cause)
        ? exception.cause
        : undefined;
    if (bodyParserError) return bodyParserProblem(bodyParserError);
    const inputProblem = databaseInputProblem(exception);
    if (inputProblem) return inputProblem;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 404 && isUnmatchedRoute(exception)) {
        return this.unmatchedRoute(request, response);
      }
      return plain(status, messageOf(exception));
    }
    return plain(500, 'An unexpected error occurred. Quote the request id when you report it.');
  }

  private unmatchedRoute(request: Request, response: Response): ProblemDetails {
    const app = this.adapterHost.httpAdapter.getInstance();
    const path = new URL(request.originalUrl, 'http://localhost').pathname;
    const methods = allowedMethods(app, path);
    if (methods.length > 0) {
      response.setHeader('Allow', methods.join(', '));
      return plain(405, `${request.method} is not supported here; use ${methods.join(', ')}.`);
    }
    return plain(404, `There is no route ${request.method} ${path}.`);
  }
}

function bodyParserProblem(error: BodyParserError): ProblemDetails {
  if (error.type === 'entity.parse.failed') {
    return plain(400, `The request body is not valid JSON: ${error.message}.`);
  }
  if (error.type === 'entity.too.large') {
    return plain(413, 'The request body is larger than the 1 MB limit.');
  }
  return plain(error.status, error.expose ? error.message : undefined);
}

function plain(status: number, detail?: string): ProblemDetails {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
  };
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

// Nest's router answers a path it does not know with NotFoundException("Cannot GET /path").
function isUnmatchedRoute(exception: HttpException): boolean {
  return /^Cannot [A-Z]+ /.test(messageOf(exception));
}

function isBodyParserError(exception: unknown): exception is BodyParserError {
  const candidate = exception as Partial<BodyParserError> | null;
  return (
    typeof candidate?.type === 'string' &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500
  );
}
