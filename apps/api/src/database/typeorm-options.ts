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

/** The role every API connection runs as: it cannot bypass row-level security. */
export const APPLICATION_ROLE = 'roi_app';

/**
 * The API's connections: every one runs as `roi_app`, which cannot bypass row-level security.
 * Connected directly, a startup option sets the role before the first query. Through a pooler
 * in transaction mode (`pooled`), which cannot pass startup options on (PgBouncer refuses
 * them), the pooler's own server connections must run as `roi_app` (PgBouncer: `connect_query`
 * in the database's entry; see docs/architecture.md); the API refuses to start otherwise (see
 * connection-role.ts), and every scoped transaction sets the role again for itself.
 * The schema is never synchronised.
 */
export function applicationDataSourceOptions(
  databaseUrl: string,
  options: { pooled?: boolean } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    subscribers: [AuditSubscriber],
    synchronize: false,
    // JIT compilation pays off for long analytical queries, not for the API's: the planner prices
    // the per-milestone lookups of the program views high enough to compile them, which costs
    // tens of milliseconds more than it saves.
    extra: {
      max: 10,
      application_name: 'roi-api',
      ...(options.pooled ? {} : { options: `-c role=${APPLICATION_ROLE} -c jit=off` }),
      // A connection the database dropped (a restart) is discarded, not handed out again; a
      // request waits at most this long for a connection instead of hanging while it is down.
      connectionTimeoutMillis: 5000,
    },
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
