import { ApiProperty } from '@nestjs/swagger';
import {
  KPI_STATUSES,
  MILESTONE_RISK_REASONS,
  MILESTONE_STATUSES,
  type MilestoneRiskReason,
  type MilestoneStatus,
} from '@roi/domain';
import { KpiDto } from './kpi.dto';
import { CitedFindingDto } from './strategy.dto';

const HEALTH = { enum: KPI_STATUSES, description: 'The colour on the map.' };

export class MapMilestoneDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() dueDate!: string;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status!: MilestoneStatus;
  @ApiProperty() ownerName!: string;
  @ApiProperty() atRisk!: boolean;
  @ApiProperty({ enum: MILESTONE_RISK_REASONS, isArray: true }) riskReasons!: MilestoneRiskReason[];
}

export class MapInitiativeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Accountable for the strategy.' }) accountableName!: string;
  @ApiProperty({ description: 'Responsible for execution.' }) responsibleName!: string;
  @ApiProperty() budget!: string;
  @ApiProperty() isExperiment!: boolean;
  @ApiProperty() decisionOverdue!: boolean;
  @ApiProperty(HEALTH) health!: string;
  @ApiProperty({ description: 'How many milestones the initiative has, cancelled ones included.' })
  milestoneCount!: number;
  @ApiProperty({
    type: [MapMilestoneDto],
    description:
      'Every milestone when the initiative has at most 12, else only those at risk (missed ones ' +
      'included); fewer than milestoneCount means the rest is to be read per initiative from ' +
      'GET milestones?initiativeId=.',
  })
  milestones!: MapMilestoneDto[];
}

export class MapObjectiveDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty(HEALTH) health!: string;
  @ApiProperty() openChallenges!: number;
  @ApiProperty({ type: [CitedFindingDto] }) findings!: CitedFindingDto[];
  @ApiProperty({ type: [KpiDto] }) kpis!: KpiDto[];
  @ApiProperty({ type: [MapInitiativeDto] }) initiatives!: MapInitiativeDto[];
}

export class MapOutcomeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty(HEALTH) health!: string;
  @ApiProperty() openChallenges!: number;
  @ApiProperty({ type: [MapObjectiveDto] }) objectives!: MapObjectiveDto[];
}

export class StrategyMapDto {
  @ApiProperty({ description: 'The date statuses are evaluated at.' }) asOf!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ description: 'Open questions and challenges across the plan.' })
  openChallenges!: number;
  @ApiProperty({ type: [MapOutcomeDto] }) outcomes!: MapOutcomeDto[];
}
