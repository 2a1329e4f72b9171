import {
  attentionOrder,
  countKpiStatuses,
  countMisses,
  type KpiStatusCounts,
  missAttribution,
  type MissAttribution,
  type MilestoneStatus,
  needsAttention,
} from '@roi/domain';
import type { EntityManager } from 'typeorm';
import { kpiDtos } from '../plan/kpis.service';
import { KpiEntity } from '../plan/plan.entity';
import type { LateMilestoneDto, PersonDto, ReportKpiDto } from './dto/report-parts.dto';

/**
 * Every KPI of the organisation as of a date, with its status from the one KPI definition
 * (`kpiDtos`, as the plan shows it) and, for those at risk or off track, who answers for the
 * miss (`missAttribution`), naming the late milestones and the people.
 */
export async function reportKpis(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
): Promise<ReportKpiDto[]> {
  const kpis = await manager.find(KpiEntity, {
    where: { organisationId },
    order: { code: 'ASC' },
  });
  const statuses = await kpiDtos(manager, organisationId, kpis, asOf);
  const lagging = statuses.filter((kpi) => needsAttention(kpi.status));
  const context = lagging.length
    ? await attributionContext(manager, organisationId, asOf, [
        ...new Set(lagging.map((kpi) => kpi.objectiveId)),
      ])
    : undefined;

  return statuses.map((kpi): ReportKpiDto => {
    const base = {
      kpiId: kpi.id,
      code: kpi.code,
      name: kpi.name,
      unit: kpi.unit,
      status: kpi.status,
      progress: kpi.progress,
      expected: kpi.expectedProgress,
      current: kpi.current,
      baseline: kpi.baselineValue,
      target: kpi.targetValue,
      targetDate: kpi.targetDate,
    };
    if (!context || !needsAttention(kpi.status)) {
      return { ...base, miss: null, lateMilestones: [], answerable: [] };
    }
    const initiatives = context.servingByObjective.get(kpi.objectiveId) ?? [];
    const result = missAttribution(kpi.status, initiatives, context.milestones, asOf);
    const late = new Set(result?.lateMilestoneIds ?? []);
    return {
      ...base,
      miss: result?.miss ?? null,
      lateMilestones: context.milestones
        .filter((milestone) => late.has(milestone.id))
        .map(({ id, title, initiativeCode, dueDate, status, doneOn }) => ({
          id,
          title,
          initiativeCode,
          dueDate,
          status,
          doneOn,
        })),
      answerable: (result?.answerableUserIds ?? []).map((userId) => ({
        userId,
        name: context.names.get(userId) ?? '',
      })),
    };
  });
}

/** KPIs at risk or off track, worst first. */
export function kpisNeedingAttention(kpis: readonly ReportKpiDto[]): ReportKpiDto[] {
  return kpis.filter((kpi) => needsAttention(kpi.status)).sort(attentionOrder);
}

export function kpiCounts(kpis: readonly ReportKpiDto[]): KpiStatusCounts {
  return countKpiStatuses(kpis.map((kpi) => kpi.status));
}

export function missCounts(kpis: readonly ReportKpiDto[]): Record<MissAttribution, number> {
  return countMisses(kpis.map((kpi) => kpi.miss));
}

interface ServingInitiative {
  id: string;
  accountableUserId: string;
  responsibleUserId: string;
}

interface DueMilestone extends LateMilestoneDto {
  initiativeId: string;
}

/**
 * What the attribution reads, in three queries whatever the number of KPIs: the initiatives
 * serving the lagging KPIs' objectives, their milestones due by `asOf` (not cancelled), and the
 * names of the people they involve.
 */
async function attributionContext(
  manager: EntityManager,
  organisationId: string,
  asOf: string,
  objectiveIds: string[],
) {
  const serving: {
    objective_id: string;
    id: string;
    accountable_user_id: string;
    responsible_user_id: string;
  }[] = await manager.query(
    `SELECT io.objective_id, i.id, i.accountable_user_id, i.responsible_user_id
       FROM initiative_objectives io
       JOIN initiatives i ON i.id = io.initiative_id
      WHERE io.organisation_id = $1 AND io.objective_id = ANY($2::uuid[])
      ORDER BY i.code`,
    [organisationId, objectiveIds],
  );
  const servingByObjective = new Map<string, ServingInitiative[]>();
  for (const row of serving) {
    const list = servingByObjective.get(row.objective_id) ?? [];
    list.push({
      id: row.id,
      accountableUserId: row.accountable_user_id,
      responsibleUserId: row.responsible_user_id,
    });
    servingByObjective.set(row.objective_id, list);
  }
  const initiativeIds = [...new Set(serving.map((row) => row.id))];
  const milestoneRows: {
    id: string;
    initiative_id: string;
    initiative_code: string;
    title: string;
    status: MilestoneStatus;
    due_date: string;
    done_on: string | null;
  }[] = initiativeIds.length
    ? await manager.query(
        `SELECT m.id, m.initiative_id, i.code AS initiative_code, m.title, m.status,
                m.due_date::text AS due_date, m.done_on::text AS done_on
           FROM milestones m JOIN initiatives i ON i.id = m.initiative_id
          WHERE m.organisation_id = $1 AND m.initiative_id = ANY($2::uuid[])
            AND m.status <> 'cancelled' AND m.due_date <= $3::date
            -- Only the candidates for "not carried out as agreed"; missedAsAgreed decides.
            AND (m.status = 'missed' OR m.done_on IS NULL OR m.done_on > m.due_date
                 OR m.done_on > $3::date)
          ORDER BY m.due_date, i.code, m.title`,
        [organisationId, initiativeIds, asOf],
      )
    : [];
  const milestones: DueMilestone[] = milestoneRows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    initiativeCode: row.initiative_code,
    title: row.title,
    status: row.status,
    dueDate: row.due_date,
    doneOn: row.done_on,
  }));
  const names = await peopleNames(
    manager,
    serving.flatMap((row) => [row.accountable_user_id, row.responsible_user_id]),
  );
  return { servingByObjective, milestones, names };
}

export async function peopleNames(
  manager: EntityManager,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows: PersonDto[] = await manager.query(
    `SELECT id AS "userId", name FROM users WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.userId, row.name]));
}
