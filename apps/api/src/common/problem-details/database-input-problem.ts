import { QueryFailedError } from 'typeorm';
import { ValidationProblem } from './problem';
import { problemOf } from './write-problem';
import type { ProblemDetails } from './problem';

/**
 * The second wall behind the input rules: PostgreSQL's class 22 ("data exception": a value out of
 * range, an impossible date, a byte it cannot store) means a value from the request does not fit
 * its column, so the answer is a 400, never a 500. The transaction has rolled back, so nothing is
 * written. The column is not named, since the statement's text is not the client's business.
 */
export function databaseInputProblem(exception: unknown): ProblemDetails | undefined {
  if (!(exception instanceof QueryFailedError)) return undefined;
  const code = (exception.driverError as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('22')) return undefined;
  return problemOf(
    new ValidationProblem([
      { field: 'body', reason: 'holds a value outside what this field can store' },
    ]),
  );
}
