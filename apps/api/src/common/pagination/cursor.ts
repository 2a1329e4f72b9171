import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, isUUID, MaxLength } from 'class-validator';
import { ValidationProblem } from '../problem-details/problem';
import { IsWholeNumberQuery } from '../validation/query-values';

/** Query of every paginated list: keyset (cursor) pagination, stable while rows are added. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @IsWholeNumberQuery(1, 100)
  limit = 50;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** The sort key of the last row of a page, opaque to clients. */
export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

type KeyPart = 'text' | 'uuid';

/**
 * Reads a cursor back into its sort key, checking each part against the list's key shape: a
 * forged cursor must be refused as bad input, not reach the database as a malformed uuid.
 */
export function decodeCursor(cursor: string, shape: readonly KeyPart[]): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === shape.length &&
      key.every(
        (part, index) => typeof part === 'string' && (shape[index] === 'text' || isUUID(part)),
      )
    ) {
      return key as string[];
    }
  } catch {
    // fall through to the answer below
  }
  throw new ValidationProblem([{ field: 'cursor', reason: 'is not a cursor this API gave out' }]);
}
