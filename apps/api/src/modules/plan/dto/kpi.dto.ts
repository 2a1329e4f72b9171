import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_DIRECTIONS,
  KPI_STATUSES,
  type KpiDirection,
  type KpiStatus,
  PLAN_CODE_PATTERN,
} from '@roi/domain';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate, IsOmittable, trimString } from '../../../common/validation/domain-validators';

const finite = { allowNaN: false, allowInfinity: false };
const numberMessage = { message: 'must be a number' };
const codeMessage = { message: 'must be letters, digits, dots, dashes or underscores' };

export class CreateKpiDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  objectiveId!: string;

  @ApiProperty({ maxLength: 32, example: 'K-RENEW', description: 'Unique in the organisation.' })
  @Matches(PLAN_CODE_PATTERN, codeMessage)
  @MaxLength(32)
  @IsString()
  code!: string;

  @ApiProperty({ maxLength: 200, example: 'Membership renewal rate' })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiProperty({ maxLength: 64, example: '%' })
  @MaxLength(64)
  @IsString()
  unit!: string;

  @ApiProperty({ enum: KPI_DIRECTIONS })
  @IsIn(KPI_DIRECTIONS, { message: 'must be increase or decrease' })
  direction!: KpiDirection;

  @ApiProperty({ example: 61.5 })
  @IsNumber(finite, numberMessage)
  baselineValue!: number;

  @ApiProperty({ example: '2026-04-01' })
  @IsIsoDate()
  baselineDate!: string;

  @ApiProperty({ example: 70 })
  @IsNumber(finite, numberMessage)
  targetValue!: number;

  @ApiProperty({ example: '2027-03-31' })
  @IsIsoDate()
  targetDate!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Membership system, monthly export' })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  source?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The baseline figure (from an assessment) the baseline was taken from.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  baselineFigureId?: string;
}

export class UpdateKpiDto {
  @ApiProperty({ description: 'The version this change is based on.' })
  @Min(1)
  @IsInt()
  version!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a UUID' })
  objectiveId?: string;

  @ApiPropertyOptional({ maxLength: 32 })
  @IsOmittable()
  @Matches(PLAN_CODE_PATTERN, codeMessage)
  @MaxLength(32)
  @IsString()
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOmittable()
  @MaxLength(64)
  @IsString()
  unit?: string;

  @ApiPropertyOptional({ enum: KPI_DIRECTIONS })
  @IsOmittable()
  @IsIn(KPI_DIRECTIONS, { message: 'must be increase or decrease' })
  direction?: KpiDirection;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsNumber(finite, numberMessage)
  baselineValue?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsIsoDate()
  baselineDate?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsNumber(finite, numberMessage)
  targetValue?: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsIsoDate()
  targetDate?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @MaxLength(500)
  @IsString()
  source?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The baseline figure the baseline was taken from; null to forget it.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  baselineFigureId?: string | null;
}

export class KpiMeasurementDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) kpiId!: string;
  @ApiProperty({ example: '2026-09-30' }) date!: string;
  @ApiProperty({ example: 64.2 }) value!: number;
  @ApiProperty() note!: string;
  @ApiProperty() version!: number;
}

export class KpiDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) objectiveId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: KPI_DIRECTIONS }) direction!: KpiDirection;
  @ApiProperty() baselineValue!: number;
  @ApiProperty() baselineDate!: string;
  @ApiProperty() targetValue!: number;
  @ApiProperty() targetDate!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) baselineFigureId!: string | null;
  @ApiProperty({ description: 'The date the status is evaluated at.' }) asOf!: string;
  @ApiProperty({ enum: KPI_STATUSES }) status!: KpiStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(current - baseline) / (target - baseline), unclamped.',
  })
  progress!: number | null;
  @ApiProperty({ description: 'Share of time elapsed between baseline and target dates, 0..1.' })
  expectedProgress!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Latest measurement on or before asOf.',
  })
  current!: number | null;
  @ApiProperty({ type: String, nullable: true }) currentDate!: string | null;
  @ApiProperty() openChallenges!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class KpiDetailDto extends KpiDto {
  @ApiProperty({ type: [KpiMeasurementDto] }) measurements!: KpiMeasurementDto[];
}

export class AsOfQueryDto {
  @ApiPropertyOptional({ description: "YYYY-MM-DD; the organisation's today by default." })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class CreateMeasurementDto {
  @ApiProperty({ example: '2026-09-30' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ example: 64.2 })
  @IsNumber(finite, numberMessage)
  value!: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @MaxLength(1000)
  @IsString()
  note?: string;
}

export class UpdateMeasurementDto {
  @ApiProperty() @Min(1) @IsInt() version!: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsIsoDate()
  date?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsNumber(finite, numberMessage)
  value?: number;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOmittable()
  @MaxLength(1000)
  @IsString()
  note?: string;
}

export class KpisQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  objectiveId?: string;
}
