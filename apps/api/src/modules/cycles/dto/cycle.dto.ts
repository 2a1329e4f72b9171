import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STEP_STATUSES, STRATEGY_STEPS, type StepStatus, type StrategyStepKey } from '@roi/domain';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate, IsOmittable, trimString } from '../../../common/validation/domain-validators';

const STEP_KEYS = STRATEGY_STEPS.map((step) => step.key);

// The type check sits nearest the property: with stopAtFirstError it is reported first.

export class CreateCycleDto {
  @ApiProperty({ example: 'FY2027 social strategy', maxLength: 120 })
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name!: string;

  @ApiProperty({ example: '2026-04-01', description: 'YYYY-MM-DD' })
  @IsIsoDate()
  startsOn!: string;

  @ApiProperty({ example: '2027-03-31', description: 'YYYY-MM-DD, on or after startsOn' })
  @IsIsoDate()
  endsOn!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Start from this cycle: its unfinished exit criteria carry over.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  previousCycleId?: string;
}

export class UpdateCycleDto {
  @ApiPropertyOptional({ maxLength: 120 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(120)
  @IsNotEmpty()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD' })
  @IsOmittable()
  @IsIsoDate()
  startsOn?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD' })
  @IsOmittable()
  @IsIsoDate()
  endsOn?: string;

  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @Min(1)
  @IsInt()
  version!: number;
}

export class UpdateStepDto {
  @ApiPropertyOptional({
    enum: ['not_started', 'in_progress'],
    description: "'done' comes only from a sign-off.",
  })
  @IsOmittable()
  @IsIn(['not_started', 'in_progress'], {
    message: 'must be not_started or in_progress (a step is done when signed off)',
  })
  status?: 'not_started' | 'in_progress';

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A member of the organisation.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  ownerUserId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  plannedStart?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsIsoDate()
  plannedEnd?: string | null;

  @ApiProperty() @Min(1) @IsInt() version!: number;
}

export class CreateCriterionDto {
  @ApiProperty({ maxLength: 500 })
  @Transform(trimString)
  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  text!: string;
}

export class UpdateCriterionDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  text?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  done?: boolean;

  @ApiProperty() @Min(1) @IsInt() version!: number;
}

export class ReopenStepDto {
  @ApiProperty({
    description: 'Why the signed-off step is reopened (kept in the audit log).',
    maxLength: 1000,
  })
  @Transform(trimString)
  @MaxLength(1000)
  @IsNotEmpty()
  @IsString()
  reason!: string;

  @ApiProperty() @Min(1) @IsInt() version!: number;
}

export class CriterionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() done!: boolean;
  @ApiProperty() version!: number;
}

export class StepDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: STEP_KEYS }) key!: StrategyStepKey;
  @ApiProperty({ minimum: 1, maximum: 6 }) number!: number;
  @ApiProperty() name!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty() produces!: string;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedStart!: string | null;
  @ApiProperty({ type: String, nullable: true }) plannedEnd!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of exit criteria met, 0 to 1.' })
  progress!: number | null;
  @ApiProperty({
    description: 'Whether every exit criterion is met, so the step can be signed off.',
  })
  canSignOff!: boolean;
  @ApiProperty({ type: [String], description: 'What stands between the step and its sign-off.' })
  blockers!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) signedOffAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) signedOffByName!: string | null;
  @ApiProperty({ type: String, nullable: true }) reopenReason!: string | null;
  @ApiProperty({ type: [CriterionDto] }) criteria!: CriterionDto[];
  @ApiProperty() version!: number;
}

export class CycleSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() startsOn!: string;
  @ApiProperty() endsOn!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) previousCycleId!: string | null;
  @ApiProperty() version!: number;
}

export class CycleDto extends CycleSummaryDto {
  @ApiProperty({ type: [StepDto] }) steps!: StepDto[];
}
