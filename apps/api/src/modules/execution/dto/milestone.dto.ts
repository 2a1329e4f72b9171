import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CONFIDENCE_LEVELS,
  type ConfidenceLevel,
  MILESTONE_RISK_REASONS,
  MILESTONE_STATUSES,
  type MilestoneRiskReason,
  type MilestoneStatus,
  MISS_CATEGORIES,
  type MissCategory,
  MISS_REASONS,
  type MissReason,
} from '@roi/domain';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsIsoDate, IsOmittable, trimString } from '../../../common/validation/domain-validators';

// The type check sits nearest the property: with stopAtFirstError it is reported first.

const MAX_DEPENDENCIES = 100;

export class CreateMilestoneDto {
  @ApiProperty({ format: 'uuid', description: 'The initiative the milestone belongs to.' })
  @IsUUID('all', { message: 'must be a UUID' })
  initiativeId!: string;

  @ApiProperty({ example: 'Community guidelines published', maxLength: 200 })
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ApiProperty({ format: 'uuid', description: 'A member of the organisation.' })
  @IsUUID('all', { message: 'must be a UUID' })
  ownerUserId!: string;

  @ApiProperty({ example: '2026-06-30', description: 'YYYY-MM-DD' })
  @IsIsoDate()
  dueDate!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_DEPENDENCIES,
    description: 'Milestones of the organisation this one depends on (never forming a cycle).',
  })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'must be a list of UUIDs' })
  @ArrayMaxSize(MAX_DEPENDENCIES)
  @IsArray()
  dependsOn?: string[];
}

export class UpdateMilestoneDto {
  @ApiPropertyOptional({ maxLength: 200, description: 'Needs `plan.edit`.' })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(200)
  @IsNotEmpty()
  @IsString()
  title?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A member. Needs `plan.edit`.' })
  @IsOmittable()
  @IsUUID('all', { message: 'must be a UUID' })
  ownerUserId?: string;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD. Needs `plan.edit`.' })
  @IsOmittable()
  @IsIsoDate()
  dueDate?: string;

  @ApiPropertyOptional({
    enum: MILESTONE_STATUSES,
    description:
      "'done' sets doneOn (today unless given); 'missed' needs missCategory (or the older missReason, from which the category is then derived); any other status clears doneOn, missReason, missCategory and missNote.",
  })
  @IsOmittable()
  @IsIn(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'YYYY-MM-DD, not after today; only for a done milestone.',
  })
  @IsOptional()
  @IsIsoDate()
  doneOn?: string | null;

  @ApiPropertyOptional({
    enum: MISS_REASONS,
    nullable: true,
    description:
      'The older, coarser classification of why a milestone was missed (the plan, the execution or the world), kept for existing clients; prefer missCategory. Only for a missed milestone. Given without missCategory, it sets the category too: external → external, plan → strategy_changed, execution → other.',
  })
  @IsOptional()
  @IsIn(MISS_REASONS, { message: `must be one of ${MISS_REASONS.join(', ')}` })
  missReason?: MissReason | null;

  @ApiPropertyOptional({
    enum: MISS_CATEGORIES,
    nullable: true,
    description:
      'What a missed milestone was missed for; required with the status missed unless missReason is given, and wins over the category missReason would give. Only for a missed milestone.',
  })
  @IsOptional()
  @IsIn(MISS_CATEGORIES, { message: `must be one of ${MISS_CATEGORIES.join(', ')}` })
  missCategory?: MissCategory | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @Transform(trimString)
  @MaxLength(2000)
  @IsString()
  missNote?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_DEPENDENCIES,
    description: 'Replaces the dependencies. Needs `plan.edit`.',
  })
  @IsOmittable()
  @IsUUID('all', { each: true, message: 'must be a list of UUIDs' })
  @ArrayMaxSize(MAX_DEPENDENCIES)
  @IsArray()
  dependsOn?: string[];

  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @Min(1)
  @IsInt()
  version!: number;
}

export class CreateCheckInDto {
  @ApiProperty({ example: '2026-05-04', description: 'YYYY-MM-DD, not after today.' })
  @IsIsoDate()
  date!: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Per cent done, a whole number.' })
  @Max(100)
  @Min(0)
  @IsInt()
  progress!: number;

  @ApiProperty({ enum: CONFIDENCE_LEVELS })
  @IsIn(CONFIDENCE_LEVELS, { message: `must be one of ${CONFIDENCE_LEVELS.join(', ')}` })
  confidence!: ConfidenceLevel;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(5000)
  @IsString()
  note?: string;

  @ApiPropertyOptional({ maxLength: 5000, description: 'What stands in the way.' })
  @IsOmittable()
  @Transform(trimString)
  @MaxLength(5000)
  @IsString()
  blockers?: string;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) milestoneId!: string;
  @ApiProperty({ example: '2026-05-04' }) date!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ enum: CONFIDENCE_LEVELS }) confidence!: ConfidenceLevel;
  @ApiProperty() note!: string;
  @ApiProperty() blockers!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) authorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty() initiativeCode!: string;
  @ApiProperty() initiativeName!: string;
  @ApiProperty({ format: 'uuid', description: "Accountable for the initiative's strategy." })
  accountableUserId!: string;
  @ApiProperty() accountableName!: string;
  @ApiProperty({ format: 'uuid', description: "Responsible for the initiative's execution." })
  responsibleUserId!: string;
  @ApiProperty() responsibleName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'uuid' }) ownerUserId!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty({ example: '2026-06-30' }) dueDate!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty({ type: String, nullable: true }) doneOn!: string | null;
  @ApiProperty({
    enum: MISS_REASONS,
    nullable: true,
    description:
      'The older, coarser classification of a missed milestone, kept for existing clients: null when the milestone was marked missed with only a category. Read missCategory.',
  })
  missReason!: MissReason | null;
  @ApiProperty({
    enum: MISS_CATEGORIES,
    nullable: true,
    description:
      'What a missed milestone was missed for; set on every missed milestone, else null.',
  })
  missCategory!: MissCategory | null;
  @ApiProperty({ type: String, nullable: true }) missNote!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) dependsOn!: string[];
  @ApiProperty({
    type: CheckInDto,
    nullable: true,
    description: 'The latest check-in (on or before the evaluation date).',
  })
  lastCheckIn!: CheckInDto | null;
  @ApiProperty({
    description:
      'Overdue, depending on a late milestone, or last checked in with low confidence, as of today in the organisation (or `asOf`).',
  })
  atRisk!: boolean;
  @ApiProperty({ enum: MILESTONE_RISK_REASONS, isArray: true })
  riskReasons!: MilestoneRiskReason[];
  @ApiProperty() version!: number;
}

export class MilestoneListQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  initiativeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  ownerUserId?: string;

  @ApiPropertyOptional({ enum: MILESTONE_STATUSES })
  @IsOptional()
  @IsIn(MILESTONE_STATUSES, { message: `must be one of ${MILESTONE_STATUSES.join(', ')}` })
  status?: MilestoneStatus;
}

export class DeleteMilestoneQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Also remove the dependencies other milestones have on this one.',
  })
  @IsOptional()
  @IsIn([true, false], { message: 'must be true or false' })
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  cascade?: boolean;
}
