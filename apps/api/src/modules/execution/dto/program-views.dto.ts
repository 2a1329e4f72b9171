import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MILESTONE_STATUSES, type MilestoneStatus } from '@roi/domain';
import { IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/domain-validators';
import { IsWholeNumberQuery } from '../../../common/validation/query-values';

export class AsOfQueryDto {
  @ApiPropertyOptional({
    example: '2026-05-04',
    description:
      "Evaluate as of this date (YYYY-MM-DD); default today in the organisation's time zone.",
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class DueSoonQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 366, default: 14 })
  @IsOptional()
  @IsWholeNumberQuery(0, 366)
  days = 14;
}

export class PeriodQueryDto extends AsOfQueryDto {
  @ApiPropertyOptional({
    description:
      'YYYY-MM-DD; default the start of the current strategy cycle (else the latest cycle, else 90 days ago).',
  })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({
    description:
      'YYYY-MM-DD, on or after `from`; default the end of that cycle (else 90 days ahead).',
  })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}

export class BurnUpQueryDto extends PeriodQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 366, default: 7 })
  @IsOptional()
  @IsWholeNumberQuery(1, 366)
  stepDays = 7;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this initiative's milestones." })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  initiativeId?: string;
}

export class BurnUpPointDto {
  @ApiProperty({ example: '2026-05-04' }) date!: string;
  @ApiProperty({ description: 'Milestones not cancelled that are due on or before the date.' })
  planned!: number;
  @ApiProperty({ description: 'Milestones done on or before the date.' }) done!: number;
}

export class TimelineMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ example: '2026-06-30' }) dueDate!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty() atRisk!: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) dependsOn!: string[];
}

export class TimelineInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) accountableUserId!: string;
  @ApiProperty() accountableName!: string;
  @ApiProperty({ format: 'uuid' }) responsibleUserId!: string;
  @ApiProperty() responsibleName!: string;
  @ApiProperty({ type: String, nullable: true }) startsOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) endsOn!: string | null;
  @ApiProperty() isExperiment!: boolean;
  @ApiProperty({ type: [TimelineMilestoneDto], description: 'Due in the period, by due date.' })
  milestones!: TimelineMilestoneDto[];
}

export class TimelineDto {
  @ApiProperty({ example: '2026-04-01' }) from!: string;
  @ApiProperty({ example: '2027-03-31' }) to!: string;
  @ApiProperty({ example: '2026-05-04', description: 'The date risk was evaluated at.' })
  asOf!: string;
  @ApiProperty({
    type: [TimelineInitiativeDto],
    description: 'Initiatives running in the period or with milestones due in it.',
  })
  initiatives!: TimelineInitiativeDto[];
}

export class WeeklyDigestDto {
  @ApiProperty({ description: 'People mailed.' }) recipients!: number;
  @ApiProperty({ description: 'Late milestones (as the overdue view lists them).' }) late!: number;
  @ApiProperty({ description: 'Milestones at risk (as the at-risk view lists them).' })
  atRisk!: number;
  @ApiProperty({ description: 'Open milestones due in the next 14 days.' }) dueSoon!: number;
}
