import {
  burnUp,
  countMissCategories,
  isLate,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  type MissCategory,
  strategyStep,
  type StrategyStepKey,
  type StepStatus,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import { NotFoundProblem } from '../../common/problem-details/problem';
import { assessmentResults } from '../assessments/assessment-results';
import { AssessmentEntity } from '../assessments/assessment.entity';
import { CycleEntity } from '../cycles/cycle.entity';
import type {
  DeliveredMilestoneDto,
  MissedMilestoneDto,
  PackMilestonesDto,
} from './dto/board-pack.dto';
import type {
  ExperimentLessonDto,
  MaturityDto,
  MilestoneSummaryDto,
  MilestoneStatusCountsDto,
  OpenChallengeDto,
  ReportCycleDto,
  RoadmapStepDto,
} from './dto/report-parts.dto';

/**
 * The sections of a review that are lists and counts rather than money or KPIs, read as of a
 * date for one cycle. The dashboard and the board packs both read them from here.
 */

/**
 * The cycle asked for (404 when it is not the organisation's), or else the one running on
 * `asOf`, else the latest that started before it, else the first to come; 404 without any.
 */
export async function findReportCycle(
  manager: EntityManager,
  organisationId: string,
  cycleId: string | undefined,
  asOf: string,
): Promise<CycleEntity> {
  if (cycleId) {
    const cycle = await manager.findOneBy(CycleEntity, { id: cycleId, organisationId });
    if (!cycle) throw new NotFoundProblem('cycle', cycleId);
    return cycle;
  }
  const [row]: { id: string }[] = await manager.query(
    `SELECT id FROM cycles WHERE organisation_id = $1
      ORDER BY (starts_on <= $2::date AND ends_on >= $2::date) DESC,
               (starts_on <= $2::date) DESC,
               CASE WHEN starts_on <= $2::date THEN starts_on END DESC NULLS LAST,
               starts_on ASC
      LIMIT 1`,
    [organisationId, asOf],
  );
  if (!row) {
    throw new NotFoundProblem('cycle', 'for this organisation: start a strategy cycle first');
  }
  return manager.findOneByOrFail(CycleEntity, { id: row.id });
}

export function reportCycle(cycle: CycleEntity): ReportCycleDto {
  return { id: cycle.id, name: cycle.name, startsOn: cycle.startsOn, endsOn: cycle.endsOn };
}

/** The six steps in order, with status, owner and sign-off. */
export async function roadmapOf(
  manager: EntityManager,
  cycleId: string,
): Promise<RoadmapStepDto[]> {
  const rows: {
    step_key: StrategyStepKey;
    status: StepStatus;
    owner_name: string | null;
    signed_off_at: string | null;
  }[] = await manager.query(
    `SELECT s.step_key, s.status, owner.name AS owner_name,
            to_char(s.signed_off_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS signed_off_at
       FROM cycle_steps s LEFT JOIN users owner ON owner.id = s.owner_user_id
      WHERE s.cycle_id = $1 ORDER BY s.position`,
    [cycleId],
  );
  return rows.map((row) => {
    const step = strategyStep(row.step_key);
    return {
      step: row.step_key,
      number: step.number,
      name: step.name,
      status: row.status,
      ownerName: row.owner_name,
      signedOffAt: row.signed_off_at,
    };
  });
}

interface MilestoneRow {
  status: MilestoneStatus;
  due_date: string;
  done_on: string | null;
  miss_category: MissCategory | null;
}

/**
 * The cycle's milestones (those due within it) as of `asOf`: counts by status and by miss
 * category, how many are late (`isLate`) and the burn-up from the cycle's start to `asOf`
 * (capped at its end). Only the four columns these read are fetched: a large plan has thousands.
 */
export async function cycleMilestoneSummary(
  manager: EntityManager,
  organisationId: string,
  cycle: { startsOn: string; endsOn: string },
  asOf: string,
): Promise<MilestoneSummaryDto> {
  const rows: MilestoneRow[] = await manager.query(
    `SELECT status, due_date::text AS due_date, done_on::text AS done_on, miss_category
       FROM milestones
      WHERE organisation_id = $1 AND due_date BETWEEN $2::date AND $3::date`,
    [organisationId, cycle.startsOn, cycle.endsOn],
  );
  const byStatus = Object.fromEntries(
    MILESTONE_STATUSES.map((status) => [status, 0]),
  ) as unknown as MilestoneStatusCountsDto;
  for (const row of rows) byStatus[row.status] += 1;
  const schedules = rows.map((row) => ({
    status: row.status,
    dueDate: row.due_date,
    doneOn: row.done_on,
    missCategory: row.miss_category,
  }));
  const end = asOf < cycle.endsOn ? asOf : cycle.endsOn;
  return {
    byStatus,
    overdue: schedules.filter((milestone) => isLate(milestone, asOf)).length,
    missCategories: countMissCategories(schedules),
    burnUp: end >= cycle.startsOn ? burnUp(schedules, cycle.startsOn, end) : [],
  };
}

/**
 * What a board pack shows of the cycle's milestones: the summary, and those delivered (done by
 * `asOf`) and missed (due by `asOf`), named with their initiative and, when missed, the category.
 */
export async function cycleMilestones(
  manager: EntityManager,
  organisationId: string,
  cycle: { startsOn: string; endsOn: string },
  asOf: string,
): Promise<PackMilestonesDto> {
  const summary = await cycleMilestoneSummary(manager, organisationId, cycle, asOf);
  const rows: (MilestoneRow & {
    id: string;
    title: string;
    initiative_code: string;
    miss_note: string | null;
  })[] = await manager.query(
    `SELECT m.id, m.title, i.code AS initiative_code, m.status, m.due_date::text AS due_date,
            m.done_on::text AS done_on, m.miss_category, m.miss_note
       FROM milestones m JOIN initiatives i ON i.id = m.initiative_id
      WHERE m.organisation_id = $1 AND m.due_date BETWEEN $2::date AND $3::date
        AND ((m.status = 'done' AND m.done_on <= $4::date)
             OR (m.status = 'missed' AND m.due_date <= $4::date))
      ORDER BY m.due_date, i.code, m.title`,
    [organisationId, cycle.startsOn, cycle.endsOn, asOf],
  );
  const delivered: DeliveredMilestoneDto[] = rows
    .filter((row) => row.status === 'done')
    .map((row) => ({
      id: row.id,
      title: row.title,
      initiativeCode: row.initiative_code,
      dueDate: row.due_date,
      doneOn: row.done_on as string,
    }));
  const missed: MissedMilestoneDto[] = rows
    .filter((row) => row.status === 'missed')
    .map((row) => ({
      id: row.id,
      title: row.title,
      initiativeCode: row.initiative_code,
      dueDate: row.due_date,
      missCategory: row.miss_category ?? 'other',
      missNote: row.miss_note,
    }));
  return { ...summary, delivered, missed };
}

/**
 * The cycle's latest closed maturity assessment, scored by the assessments' own results (with
 * the previous cycle's for the radar), and the findings recorded in the cycle; null without one.
 */
export async function maturityOf(
  manager: EntityManager,
  organisationId: string,
  cycleId: string,
): Promise<MaturityDto | null> {
  const [row]: { id: string }[] = await manager.query(
    `SELECT a.id FROM assessments a JOIN assessment_templates t ON t.id = a.template_id
      WHERE a.organisation_id = $1 AND a.cycle_id = $2 AND a.status = 'closed'
        AND coalesce(t.key, '') = 'maturity'
      ORDER BY a.closed_at DESC LIMIT 1`,
    [organisationId, cycleId],
  );
  const findings: { title: string }[] = await manager.query(
    `SELECT f.title FROM findings f JOIN assessments a ON a.id = f.assessment_id
      WHERE f.organisation_id = $1 AND a.cycle_id = $2
      ORDER BY f.created_at DESC LIMIT 20`,
    [organisationId, cycleId],
  );
  if (!row) return null;
  const assessment = await manager.findOneByOrFail(AssessmentEntity, { id: row.id });
  const results = await assessmentResults(manager, assessment);
  const previous = new Map(
    (results.previous?.dimensions ?? []).map((dimension) => [dimension.dimension, dimension.score]),
  );
  return {
    assessmentId: assessment.id,
    title: assessment.title,
    overallScore: results.overallScore,
    stage: results.stage,
    stageName: results.stageName,
    previousOverallScore: results.previous?.overallScore ?? null,
    previousStage: results.previous?.stage ?? null,
    previousCycleName: results.previous?.cycleName ?? null,
    dimensions: results.dimensions.map((dimension) => ({
      dimension: dimension.dimension,
      score: dimension.score,
      previousScore: previous.get(dimension.dimension) ?? null,
    })),
    findings: findings.map((finding) => finding.title),
  };
}

/** Experiments decided by `asOf` (an outcome recorded), with their lessons, latest first. */
export async function experimentsDecided(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
): Promise<ExperimentLessonDto[]> {
  const rows: {
    id: string;
    code: string;
    name: string;
    hypothesis: string | null;
    decision_date: string | null;
    experiment_outcome: string;
    lessons: string | null;
  }[] = await manager.query(
    `SELECT id, code, name, hypothesis, decision_date::text AS decision_date, experiment_outcome,
            lessons
       FROM initiatives
      WHERE organisation_id = $1 AND is_experiment AND experiment_outcome IS NOT NULL
        AND (decision_date IS NULL OR decision_date <= $2::date)
      ORDER BY decision_date DESC NULLS LAST, code`,
    [organisationId, asOf],
  );
  return rows.map((row) => ({
    initiativeId: row.id,
    code: row.code,
    name: row.name,
    hypothesis: row.hypothesis,
    decisionDate: row.decision_date,
    outcome: row.experiment_outcome,
    lessons: row.lessons,
  }));
}

/** Unresolved questions and challenges on the plan, newest first (at most 20). */
export async function openChallengeList(
  manager: EntityManager,
  organisationId: string,
): Promise<OpenChallengeDto[]> {
  const rows: (Omit<OpenChallengeDto, 'createdAt'> & { createdAt: string })[] = await manager.query(
    `SELECT c.id, c.kind, c.subject_type AS "subjectType", c.subject_id AS "subjectId",
              coalesce(k.code || ' ' || k.name, o.title, oc.title, '') AS "subjectLabel",
              c.body, author.name AS "authorName",
              to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
         FROM plan_comments c
         LEFT JOIN kpis k ON c.subject_type = 'kpi' AND k.id = c.subject_id
         LEFT JOIN objectives o ON c.subject_type = 'objective' AND o.id = c.subject_id
         LEFT JOIN outcomes oc ON c.subject_type = 'outcome' AND oc.id = c.subject_id
         LEFT JOIN users author ON author.id = c.author_user_id
        WHERE c.organisation_id = $1 AND c.resolved_at IS NULL
          AND c.kind IN ('question', 'challenge')
        ORDER BY c.created_at DESC LIMIT 20`,
    [organisationId],
  );
  return rows;
}
