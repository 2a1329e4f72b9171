import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/cursor';
import { IMPORT_KINDS, type ImportKind } from '../csv-formats';
import type { ImportStatus } from '../import.entity';

const STATUSES: ImportStatus[] = ['queued', 'running', 'succeeded', 'failed'];

/** The multipart body of `POST /imports`, for the OpenAPI description (busboy reads it). */
export const IMPORT_UPLOAD_SCHEMA = {
  type: 'object',
  required: ['kind', 'file'],
  properties: {
    kind: {
      type: 'string',
      enum: [...IMPORT_KINDS],
      description:
        'Before or after the file. costs: `date,initiative,channel,activity,category,amount,hours,note`; values: `date,initiative,channel,activity,value_type,amount,confidence,note`; kpi-measurements: `kpi,date,value`.',
    },
    file: {
      type: 'string',
      format: 'binary',
      description:
        'The CSV: a header row, UTF-8 (a BOM is allowed), RFC 4180 quoting, `,` separator, `.` decimal point, dates YYYY-MM-DD. At most IMPORT_MAX_BYTES (200 MB by default), fields of at most 10,000 characters, at most 64 columns.',
    },
    confirmDuplicate: {
      type: 'string',
      enum: ['true', 'false'],
      description: 'true to import a file identical to one that was imported successfully before.',
    },
  },
} as const;

export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['queued'] }) status!: 'queued';
}

export class ImportRowErrorDto {
  @ApiProperty({ description: 'The data row, counting from 1 after the header.' }) row!: number;
  @ApiProperty({ example: 'amount' }) column!: string;
  @ApiProperty({ example: 'must use "." as the decimal point' }) reason!: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty({ enum: STATUSES }) status!: ImportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty() fileName!: string;
  @ApiProperty({ description: 'Bytes.' }) fileSize!: number;
  @ApiProperty({ description: 'Data rows in the file.' }) rowsTotal!: number;
  @ApiProperty() rowsImported!: number;
  @ApiProperty({ description: 'All the bad fields found; `errors` holds the first 1,000.' })
  errorCount!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the job failed as a whole (not a bad row), e.g. interrupted too often.',
  })
  failure!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}

export class ImportPageDto {
  @ApiProperty({ type: [ImportDto] }) items!: ImportDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class ImportsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: IMPORT_KINDS })
  @IsOptional()
  @IsIn(IMPORT_KINDS, { message: `must be one of ${IMPORT_KINDS.join(', ')}` })
  kind?: ImportKind;
}
