import { planSnapshot } from '../plan/plan-versions.service';
import type { DemoAssessments } from './demo-assessments';
import type { DemoPeople } from './demo-cycles';
import { changed, created, type DemoHistory } from './demo-history';
import type { DemoPlan } from './demo-plan';

/** Days from the seeding day. */
const PLAN_WRITTEN = -112;
const SUBMITTED = -96;
const APPROVED = -94;

/**
 * How the plan came to be: written by the leadership team after the assessment, its objectives
 * citing the findings they answer and three KPIs starting from the channel audit's baseline
 * figures; submitted and approved as version 1; then revised in the working draft that will be
 * version 2 (the Circle gets a second season's budget, the podcast a decision milestone).
 */
export async function seedDemoPlanHistory(
  history: DemoHistory,
  people: DemoPeople,
  plan: DemoPlan,
  assessments: DemoAssessments,
): Promise<void> {
  const { owner, executive } = people;
  const { manager, organisationId } = history;
  await auditPlanCreation(history, people);

  const cite = async (objectiveId: string, findingIds: string[]) => {
    await manager.query(
      `UPDATE objectives SET finding_ids = $2, version = version + 1 WHERE id = $1`,
      [objectiveId, findingIds],
    );
    await history.audit({
      at: history.moment(PLAN_WRITTEN + 2, '14:00'),
      actor: executive,
      type: 'objective',
      id: objectiveId,
      action: 'update',
      changes: changed({ findingIds: [] }, { findingIds }),
    });
  };
  const { findings } = assessments;
  await cite(plan.objectives.answer, [findings.slowReplies, findings.beliefGap]);
  await cite(plan.objectives.community, [findings.octoberOnly]);
  await cite(plan.objectives.voice, [findings.silentBooksellers]);

  const startFrom = async (kpiId: string, figureId: string) => {
    await manager.query(
      `UPDATE kpis SET baseline_figure_id = $2, version = version + 1 WHERE id = $1`,
      [kpiId, figureId],
    );
    await history.audit({
      at: history.moment(PLAN_WRITTEN + 8, '11:00'),
      actor: executive,
      type: 'kpi',
      id: kpiId,
      action: 'update',
      changes: changed({ baselineFigureId: null }, { baselineFigureId: figureId }),
    });
  };
  const { baselineFigures } = assessments;
  await startFrom(plan.kpis.responseTime, baselineFigures.replyHours);
  await startFrom(plan.kpis.members, baselineFigures.activeMembers);
  await startFrom(plan.kpis.mentions, baselineFigures.mentions);

  // Version 1 is the plan as it stands now, frozen as PlanVersionsService.submit freezes it.
  const submittedAt = history.moment(SUBMITTED, '17:00');
  const decidedAt = history.moment(APPROVED, '10:30');
  const note = 'First plan of the second year: answer members faster, keep Bookshop Day going.';
  const decisionNote =
    'Approved by the leadership team; the podcast is an experiment, judge it by its kill criteria.';
  const versionId = await history.insert('plan_versions', {
    number: 1,
    status: 'approved',
    snapshot: JSON.stringify(await planSnapshot(manager, organisationId)),
    note,
    submitted_by_user_id: executive.id,
    submitted_at: submittedAt,
    decided_by_user_id: owner.id,
    decided_at: decidedAt,
    decision_note: decisionNote,
    version: 2,
    created_at: submittedAt,
  });
  await history.audit({
    at: submittedAt,
    actor: executive,
    type: 'plan_version',
    id: versionId,
    action: 'create',
    changes: created({
      number: 1,
      status: 'submitted',
      snapshot: '[redacted]',
      note,
      submittedByUserId: executive.id,
      submittedAt,
    }),
  });
  await history.audit({
    at: decidedAt,
    actor: owner,
    type: 'plan_version',
    id: versionId,
    action: 'update',
    changes: changed(
      { status: 'submitted' },
      { status: 'approved', decidedByUserId: owner.id, decidedAt, decisionNote },
    ),
  });

  // The draft of version 2.
  const [circle]: { budget: string }[] = await manager.query(
    `UPDATE initiatives SET budget = 21750, version = version + 1 WHERE id = $1
     RETURNING budget::text`,
    [plan.initiatives.circle],
  );
  await history.audit({
    at: history.moment(-12, '15:20'),
    actor: owner,
    type: 'initiative',
    id: plan.initiatives.circle,
    action: 'update',
    changes: changed({ budget: '18250.0000' }, { budget: circle!.budget }),
  });
  const decision = {
    title: 'Podcast: continue, change or stop, judged by the kill criteria',
    owner_user_id: owner.id,
    due_date: history.day(45),
  };
  const milestoneId = await history.insert('milestones', {
    initiative_id: plan.initiatives.podcast,
    ...decision,
    created_at: history.moment(-11, '09:10'),
  });
  await history.audit({
    at: history.moment(-11, '09:10'),
    actor: owner,
    type: 'milestone',
    id: milestoneId,
    action: 'create',
    changes: created({
      initiativeId: plan.initiatives.podcast,
      title: decision.title,
      ownerUserId: owner.id,
      dueDate: decision.due_date,
      status: 'planned',
    }),
  });
}

/** The plan's outcomes, objectives, KPIs and initiatives as written, in the audit log. */
async function auditPlanCreation(history: DemoHistory, people: DemoPeople): Promise<void> {
  const entities: [type: string, query: string][] = [
    [
      'outcome',
      `SELECT id, title AS label FROM outcomes WHERE organisation_id = $1 ORDER BY position`,
    ],
    [
      'objective',
      `SELECT id, title AS label FROM objectives WHERE organisation_id = $1 ORDER BY position`,
    ],
    ['kpi', `SELECT id, code AS label, name FROM kpis WHERE organisation_id = $1 ORDER BY code`],
    [
      'initiative',
      `SELECT id, code AS label, name FROM initiatives WHERE organisation_id = $1 ORDER BY code`,
    ],
  ];
  let minute = 0;
  for (const [type, query] of entities) {
    const rows: { id: string; label: string; name?: string }[] = await history.manager.query(
      query,
      [history.organisationId],
    );
    for (const row of rows) {
      minute += 7;
      const fields =
        row.name === undefined ? { title: row.label } : { code: row.label, name: row.name };
      await history.audit({
        at: history.moment(
          PLAN_WRITTEN,
          `${10 + Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}`,
        ),
        actor: type === 'outcome' ? people.owner : people.executive,
        type,
        id: row.id,
        action: 'create',
        changes: created(fields),
      });
    }
  }
}
