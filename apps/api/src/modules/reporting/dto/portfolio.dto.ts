import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, STEP_STATUSES, type StepStatus } from '@roi/domain';
import {
  KpiStatusCountsDto,
  MissCountsDto,
  ReportCycleDto,
  RoiToDateDto,
} from './report-parts.dto';

export class PortfolioStepDto {
  @ApiProperty({ example: 'plan' }) key!: string;
  @ApiProperty({ example: 3 }) number!: number;
  @ApiProperty({ example: 'Plan' }) name!: string;
  @ApiProperty({ enum: STEP_STATUSES }) status!: StepStatus;
}

export class PortfolioOrganisationDto {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ example: '2027-06-30', description: "Today in the organisation's time zone." })
  asOf!: string;
  @ApiProperty({
    type: ReportCycleDto,
    nullable: true,
    description: 'The cycle running today, else the latest that started, else null.',
  })
  cycle!: ReportCycleDto | null;
  @ApiProperty({
    type: PortfolioStepDto,
    nullable: true,
    description: 'Where the cycle stands: its first step not yet done (null when all are).',
  })
  step!: PortfolioStepDto | null;
  @ApiProperty({ type: KpiStatusCountsDto }) kpis!: KpiStatusCountsDto;
  @ApiProperty({
    type: RoiToDateDto,
    description: 'ROI to date of the cycle; without a cycle, of the fiscal year to today.',
  })
  roi!: RoiToDateDto;
  @ApiProperty({ description: 'Missed, or still open after their due date.' })
  overdueMilestones!: number;
  @ApiProperty({ type: MissCountsDto }) misses!: MissCountsDto;
}

export class PortfolioDto {
  @ApiProperty({ type: [PortfolioOrganisationDto] }) organisations!: PortfolioOrganisationDto[];
}
