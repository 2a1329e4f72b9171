import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_STATUSES,
  type KpiStatus,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  MISS_ATTRIBUTIONS,
  type MissAttribution,
  STEP_STATUSES,
  type StepStatus,
} from '@roi/domain';
import { RoiFiguresDto } from '../../roi/dto/roi.dto';

/**
 * The parts the dashboard and the board packs share, so that a pack shows a KPI, a step or a
 * milestone exactly as the dashboard does.
 */

export class ReportCycleDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'FY2027 social strategy' }) name!: string;
  @ApiProperty({ example: '2027-01-01' }) startsOn!: string;
  @ApiProperty({ example: '2027-12-31' }) endsOn!: string;
}

export class RoadmapStepDto {
  @ApiProperty({ example: 'assess' }) step!: string;
  @ApiProperty({ example: 1 }) number!: number;
  @ApiProperty({ example: 'Assess' }) name!: string;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
  @ApiProperty({ type: String, nullable: true }) ownerName!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) signedOffAt!: string | null;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() name!: string;
}

export class LateMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() initiativeCode!: string;
  @ApiProperty({ example: '2027-03-31' }) dueDate!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty({ type: String, nullable: true }) doneOn!: string | null;
}

export class ReportKpiDto {
  @ApiProperty({ format: 'uuid' }) kpiId!: string;
  @ApiProperty({ example: 'K1' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: KPI_STATUSES }) status!: KpiStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(current - baseline) / (target - baseline), unclamped; null without data.',
  })
  progress!: number | null;
  @ApiProperty({ description: 'Share of time elapsed between baseline and target dates, 0..1.' })
  expected!: number;
  @ApiProperty({ type: Number, nullable: true }) current!: number | null;
  @ApiProperty() baseline!: number;
  @ApiProperty() target!: number;
  @ApiProperty({ example: '2027-12-31' }) targetDate!: string;
  @ApiProperty({
    enum: MISS_ATTRIBUTIONS,
    nullable: true,
    description:
      'Who answers first for a KPI at risk or off track: execution (a milestone due by then was not carried out as agreed), strategy (the plan was carried out and the KPI still lags) or unplanned (no initiative serves its objective); null on track or without data.',
  })
  miss!: MissAttribution | null;
  @ApiProperty({
    type: [LateMilestoneDto],
    description: 'Execution: the milestones not carried out as agreed.',
  })
  lateMilestones!: LateMilestoneDto[];
  @ApiProperty({
    type: [PersonDto],
    description:
      "Execution: the initiatives' responsible people; strategy: the serving initiatives' accountable people.",
  })
  answerable!: PersonDto[];
}

export class KpiStatusCountsDto {
  @ApiProperty() onTrack!: number;
  @ApiProperty() atRisk!: number;
  @ApiProperty() offTrack!: number;
  @ApiProperty() noData!: number;
}

export class MissCountsDto {
  @ApiProperty() strategy!: number;
  @ApiProperty() execution!: number;
  @ApiProperty() unplanned!: number;
}

export class RoiToDateDto {
  @ApiProperty({ example: '2027-01-01' }) from!: string;
  @ApiProperty({
    example: '2027-06-30',
    description: "The as-of date, capped at the cycle's end date.",
  })
  to!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: RoiFiguresDto, description: 'The same shape as GET /roi totals.' })
  totals!: RoiFiguresDto;
}

export class MilestoneStatusCountsDto {
  @ApiProperty() planned!: number;
  @ApiProperty({ name: 'in_progress' }) in_progress!: number;
  @ApiProperty() done!: number;
  @ApiProperty() missed!: number;
  @ApiProperty() cancelled!: number;
}

export class MissCategoryCountsDto {
  @ApiProperty() resources!: number;
  @ApiProperty() dependency!: number;
  @ApiProperty({ name: 'scope_change' }) scope_change!: number;
  @ApiProperty() external!: number;
  @ApiProperty({ name: 'strategy_changed' }) strategy_changed!: number;
  @ApiProperty() other!: number;
}

export class ExperimentLessonDto {
  @ApiProperty({ format: 'uuid' }) initiativeId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) hypothesis!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-05-31' }) decisionDate!:
    string | null;
  @ApiProperty({ enum: ['validated', 'invalidated', 'inconclusive'] }) outcome!: string;
  @ApiProperty({ type: String, nullable: true }) lessons!: string | null;
}

export class MaturityDimensionDto {
  @ApiProperty() dimension!: string;
  @ApiProperty({ type: Number, nullable: true }) score!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousScore!: number | null;
}

export class MaturityDto {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: Number, nullable: true }) overallScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) stage!: number | null;
  @ApiProperty({ type: String, nullable: true }) stageName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) previousOverallScore!: number | null;
  @ApiProperty({ type: Number, nullable: true }) previousStage!: number | null;
  @ApiProperty({ type: String, nullable: true }) previousCycleName!: string | null;
  @ApiProperty({ type: [MaturityDimensionDto] }) dimensions!: MaturityDimensionDto[];
  @ApiProperty({ type: [String], description: 'Findings recorded in the cycle, newest first.' })
  findings!: string[];
}

export class BudgetLineDto {
  @ApiProperty({ example: 'I1' }) code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '25000.00' }) budget!: string;
  @ApiProperty({ example: '20345.67' }) cost!: string;
  @ApiProperty({ example: '4654.33', description: 'Planned budget - actual cost.' })
  budgetVariance!: string;
}

export class OpenChallengeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['question', 'challenge'] }) kind!: string;
  @ApiProperty({ example: 'kpi' }) subjectType!: string;
  @ApiProperty({ format: 'uuid' }) subjectId!: string;
  @ApiProperty() subjectLabel!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true }) authorName!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class BurnUpPointDto {
  @ApiProperty({ example: '2027-03-01' }) date!: string;
  @ApiProperty() planned!: number;
  @ApiProperty() done!: number;
}

export class MilestoneSummaryDto {
  @ApiProperty({ type: MilestoneStatusCountsDto }) byStatus!: MilestoneStatusCountsDto;
  @ApiProperty({ description: 'Missed, or still open after the due date, as of the date.' })
  overdue!: number;
  @ApiProperty({ type: MissCategoryCountsDto }) missCategories!: MissCategoryCountsDto;
  @ApiPropertyOptional({ type: [BurnUpPointDto] }) burnUp?: BurnUpPointDto[];
}
