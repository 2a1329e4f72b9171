import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsIsoDate, trimString } from '../../../common/validation/domain-validators';

export const COST_CATEGORIES = ['labour', 'media', 'tools', 'agency', 'other'] as const;
export const VALUE_TYPES = ['revenue', 'cost_saving', 'retention', 'pipeline', 'other'] as const;
const uuidMessage = { message: 'must be a UUID' };

/** The filters of an export: the same as the lists' (without paging or sort). */
export class PeriodFilterDto {
  @ApiPropertyOptional({ description: 'From this date (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Up to this date (inclusive), YYYY-MM-DD.' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class LedgerExportQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuidMessage)
  initiativeId?: string;

  @ApiPropertyOptional({ description: 'A channel label, matched case-insensitively.' })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(64)
  @IsString()
  channel?: string;

  @ApiPropertyOptional({ description: 'An activity label, matched case-insensitively.' })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(64)
  @IsString()
  activity?: string;
}

export class CostExportQueryDto extends LedgerExportQueryDto {
  @ApiPropertyOptional({ enum: COST_CATEGORIES })
  @IsOptional()
  @IsIn(COST_CATEGORIES, { message: `must be one of ${COST_CATEGORIES.join(', ')}` })
  category?: (typeof COST_CATEGORIES)[number];
}

export class ValueExportQueryDto extends LedgerExportQueryDto {
  @ApiPropertyOptional({ enum: VALUE_TYPES })
  @IsOptional()
  @IsIn(VALUE_TYPES, { message: `must be one of ${VALUE_TYPES.join(', ')}` })
  valueType?: (typeof VALUE_TYPES)[number];
}

export class MeasurementExportQueryDto extends PeriodFilterDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', uuidMessage)
  kpiId?: string;
}
