import { CreateOrganisations1795416000000 } from './1795416000000-create-organisations';
import { AccountsTenancyAudit1795420000000 } from './1795420000000-accounts-tenancy-audit';
import { StrategyCycles1795424000000 } from './1795424000000-strategy-cycles';
import { Assessments1795428000000 } from './1795428000000-assessments';
import { AssessmentFindings1795432000000 } from './1795432000000-assessment-findings';
import { AssessmentRespondents1795436000000 } from './1795436000000-assessment-respondents';
import { PlanAndExecution1795440000000 } from './1795440000000-plan-and-execution';
import { PlanChangeActor1795448000000 } from './1795448000000-plan-change-actor';
import { LedgersAndRollups1795452000000 } from './1795452000000-ledgers-and-rollups';
import { MilestoneMissCategories1795456000000 } from './1795456000000-milestone-miss-categories';
import { WeeklyDigests1795444000000 } from './1795444000000-weekly-digests';
import { BoardPacks1795460000000 } from './1795460000000-board-packs';
import { IdempotencyKeys1795464000000 } from './1795464000000-idempotency-keys';
import { RollupsGroupedOnce1795480000000 } from './1795480000000-rollups-grouped-once';
import { StagingImportCheckPerStatement1795484000000 } from './1795484000000-staging-import-check-per-statement';
import { OneStatementAuthentication1795472000000 } from './1795472000000-one-statement-authentication';

/**
 * Every migration, oldest first. The API runs them at start, on the external and the embedded
 * database alike; listing them here (rather than globbing a folder) makes a build that forgot one
 * fail to compile instead of silently skipping it.
 */
export const migrations = [
  CreateOrganisations1795416000000,
  AccountsTenancyAudit1795420000000,
  StrategyCycles1795424000000,
  Assessments1795428000000,
  AssessmentFindings1795432000000,
  AssessmentRespondents1795436000000,
  PlanAndExecution1795440000000,
  WeeklyDigests1795444000000,
  PlanChangeActor1795448000000,
  LedgersAndRollups1795452000000,
  MilestoneMissCategories1795456000000,
  BoardPacks1795460000000,
  IdempotencyKeys1795464000000,
  OneStatementAuthentication1795472000000,
  RollupsGroupedOnce1795480000000,
  StagingImportCheckPerStatement1795484000000,
];
