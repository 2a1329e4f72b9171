import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../../../common/validation/domain-validators';
import { RoiGroupDto, RoiIntervalDto } from '../../roi/dto/roi.dto';
import {
  BudgetLineDto,
  ExperimentLessonDto,
  KpiStatusCountsDto,
  MaturityDto,
  MilestoneSummaryDto,
  MissCountsDto,
  OpenChallengeDto,
  ReportCycleDto,
  ReportKpiDto,
  RoadmapStepDto,
  RoiToDateDto,
} from './report-parts.dto';

export const DASHBOARD_INTERVALS = ['month', 'quarter'] as const;
export type DashboardInterval = (typeof DASHBOARD_INTERVALS)[number];

export class DashboardQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'The strategy cycle; by default the one running on the as-of date, else the latest that started before it, else the first.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  cycleId?: string;

  @ApiPropertyOptional({
    example: '2027-06-30',
    description: "YYYY-MM-DD; today in the organisation's time zone by default.",
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ enum: DASHBOARD_INTERVALS, default: 'month' })
  @IsOptional()
  @IsIn(DASHBOARD_INTERVALS, { message: `must be one of ${DASHBOARD_INTERVALS.join(', ')}` })
  interval?: DashboardInterval;
}

export class DashboardKpisDto extends KpiStatusCountsDto {
  @ApiProperty({
    type: [ReportKpiDto],
    description: 'KPIs at risk or off track, worst first, each with its miss attribution.',
  })
  attention!: ReportKpiDto[];
  @ApiProperty({ type: MissCountsDto }) misses!: MissCountsDto;
}

export class DashboardRoiDto extends RoiToDateDto {
  @ApiProperty({ enum: DASHBOARD_INTERVALS }) interval!: DashboardInterval;
  @ApiProperty({ type: [RoiIntervalDto], description: 'Cost against value per month or quarter.' })
  intervals!: RoiIntervalDto[];
  @ApiProperty({ type: [RoiGroupDto], description: 'Initiatives by ROI, highest first (top 5).' })
  topInitiatives!: RoiGroupDto[];
  @ApiProperty({
    type: [RoiGroupDto],
    description: 'Initiatives by ROI, lowest first (bottom 5; those without cost have no ROI).',
  })
  bottomInitiatives!: RoiGroupDto[];
  @ApiProperty({ type: [BudgetLineDto] }) budget!: BudgetLineDto[];
}

export class DashboardDto {
  @ApiProperty({ example: '2027-06-30' }) asOf!: string;
  @ApiProperty({ type: ReportCycleDto }) cycle!: ReportCycleDto;
  @ApiProperty({ type: [RoadmapStepDto] }) roadmap!: RoadmapStepDto[];
  @ApiProperty({ type: DashboardKpisDto }) kpis!: DashboardKpisDto;
  @ApiProperty({ type: DashboardRoiDto }) roi!: DashboardRoiDto;
  @ApiProperty({ type: MilestoneSummaryDto }) milestones!: MilestoneSummaryDto;
  @ApiProperty({ type: MaturityDto, nullable: true }) maturity!: MaturityDto | null;
  @ApiProperty({ type: [OpenChallengeDto] }) openChallenges!: OpenChallengeDto[];
  @ApiProperty({ type: [ExperimentLessonDto] }) experiments!: ExperimentLessonDto[];
  @ApiProperty({ example: 2, description: "The currency's minor-unit digits." })
  minorUnits!: number;
}
