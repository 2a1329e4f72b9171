import { migrations } from '@roi/migrations';
import type { DataSourceOptions } from 'typeorm';
import { AuditSubscriber } from '../common/audit/audit.subscriber';
import { SessionEntity } from '../modules/accounts/session.entity';
import { UserEntity } from '../modules/accounts/user.entity';
import { ApiKeyEntity } from '../modules/api-keys/api-key.entity';
import {
  AssessmentAnswerEntity,
  AssessmentEntity,
  AssessmentRespondentEntity,
  AssessmentResponseEntity,
  AssessmentTemplateEntity,
  BaselineFigureEntity,
  FindingEntity,
  TemplateQuestionEntity,
} from '../modules/assessments/assessment.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import {
  CheckInEntity,
  MilestoneDependencyEntity,
  MilestoneEntity,
} from '../modules/execution/execution.entity';
import {
  InitiativeEntity,
  InitiativeObjectiveEntity,
  KpiEntity,
  KpiMeasurementEntity,
  ObjectiveEntity,
  OutcomeEntity,
  PlanCommentEntity,
  PlanVersionEntity,
} from '../modules/plan/plan.entity';
import { CycleEntity, CycleStepEntity, StepCriterionEntity } from '../modules/cycles/cycle.entity';
import { InvitationEntity } from '../modules/invitations/invitation.entity';
import { OutboxMessageEntity } from '../modules/mail/outbox-message.entity';
import { MembershipEntity } from '../modules/memberships/membership.entity';
import {
  ActivityEntity,
  ChannelEntity,
  CostEntryEntity,
  ValueEntryEntity,
} from '../modules/ledgers/ledger.entity';
import { OrganisationEntity } from '../modules/organisations/organisation.entity';
import { ImportEntity } from '../modules/imports/import.entity';
import { BoardPackEntity, ShareLinkEntity } from '../modules/reporting/board-pack.entity';

/** Every entity the API maps; a module adds its entities here when it adds its tables. */
export const entities = [
  OrganisationEntity,
  UserEntity,
  SessionEntity,
  MembershipEntity,
  InvitationEntity,
  ApiKeyEntity,
  AuditEntryEntity,
  OutboxMessageEntity,
  CycleEntity,
  CycleStepEntity,
  StepCriterionEntity,
  AssessmentTemplateEntity,
  TemplateQuestionEntity,
  AssessmentEntity,
  AssessmentResponseEntity,
  AssessmentAnswerEntity,
  AssessmentRespondentEntity,
  BaselineFigureEntity,
  FindingEntity,
  OutcomeEntity,
  ObjectiveEntity,
  KpiEntity,
  KpiMeasurementEntity,
  InitiativeEntity,
  InitiativeObjectiveEntity,
  PlanCommentEntity,
  PlanVersionEntity,
  MilestoneEntity,
  MilestoneDependencyEntity,
  CheckInEntity,
  ChannelEntity,
  ActivityEntity,
  CostEntryEntity,
  ValueEntryEntity,
  ImportEntity,
  BoardPackEntity,
  ShareLinkEntity,
];

/**
 * The API's connections: every one runs as `roi_app` (a startup option, so it holds before the
 * first query), which cannot bypass row-level security. The schema is never synchronised.
 */
export function applicationDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    subscribers: [AuditSubscriber],
    synchronize: false,
    // JIT compilation pays off for long analytical queries, not for the API's: the planner prices
    // the per-milestone lookups of the program views high enough to compile them, which costs
    // tens of milliseconds more than it saves.
    extra: { max: 10, application_name: 'roi-api', options: '-c role=roi_app -c jit=off' },
  };
}

/** The connecting (owner) role, for migrations and the demo seed only. */
export function ownerDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: 2, application_name: 'roi-migrate' },
  };
}
