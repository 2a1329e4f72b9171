import { Injectable } from '@nestjs/common';
import { diffPlanSnapshots, type PlanSnapshot } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  NotFoundProblem,
  RuleProblem,
  ValidationProblem,
} from '../../common/problem-details/problem';
import { lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { parseVersionRef } from '../../common/validation/query-values';
import type {
  DecidePlanDto,
  PlanDiffDto,
  PlanVersionDetailDto,
  PlanVersionDto,
  SubmitPlanDto,
} from './dto/collaboration.dto';
import { namesOf } from '../accounts/names-of';
import { PlanVersionEntity } from './plan.entity';

/**
 * Plan versions. The plan people edit is always the working draft; submitting freezes a copy of
 * it for leadership to approve or reject, and an approved version never changes again (the
 * database refuses it too). Editing after a submission simply goes on in the draft, which becomes
 * the next version when it is submitted.
 */
@Injectable()
export class PlanVersionsService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext): Promise<PlanVersionDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const versions = await manager.find(PlanVersionEntity, {
        where: { organisationId: context.organisationId },
        order: { number: 'DESC' },
      });
      return versionDtos(manager, versions);
    });
  }

  get(context: OrganisationContext, number: number): Promise<PlanVersionDetailDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const version = await findVersion(manager, context.organisationId, number);
      const [dto] = await versionDtos(manager, [version]);
      return { ...dto!, snapshot: version.snapshot as object };
    });
  }

  submit(context: OrganisationContext, input: SubmitPlanDto): Promise<PlanVersionDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      // One submission at a time per organisation, so version numbers never collide.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('plan-versions:' || $1))`, [
        context.organisationId,
      ]);
      const pending = await manager.findOneBy(PlanVersionEntity, {
        organisationId: context.organisationId,
        status: 'submitted',
      });
      if (pending) {
        throw new RuleProblem(
          'A version awaits approval',
          `Version ${pending.number} is waiting for approval: approve or reject it before submitting another.`,
        );
      }
      const snapshot = await planSnapshot(manager, context.organisationId);
      const [last]: { number: number | null }[] = await manager.query(
        `SELECT max(number) AS number FROM plan_versions WHERE organisation_id = $1`,
        [context.organisationId],
      );
      const version = await manager.save(
        manager.create(PlanVersionEntity, {
          organisationId: context.organisationId,
          number: (last?.number ?? 0) + 1,
          status: 'submitted',
          snapshot,
          note: input.note?.trim() ?? '',
          submittedByUserId: context.principal.userId ?? null,
          submittedAt: new Date(),
        }),
      );
      return (await versionDtos(manager, [version]))[0]!;
    });
  }

  decide(
    context: OrganisationContext,
    number: number,
    decision: 'approved' | 'rejected',
    input: DecidePlanDto,
  ): Promise<PlanVersionDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const found = await findVersion(manager, context.organisationId, number);
      const version = await lockRecord(
        manager,
        PlanVersionEntity,
        context.organisationId,
        found.id,
        'plan version',
      );
      await refuseStaleVersion(
        version,
        input.version,
        'plan version',
        async () => (await versionDtos(manager, [version]))[0],
      );
      if (version.status !== 'submitted') {
        throw new RuleProblem(
          `Version ${version.status}`,
          `Version ${version.number} is already ${version.status}; an approved version never changes.`,
        );
      }
      Object.assign(version, {
        status: decision,
        decidedByUserId: context.principal.userId ?? null,
        decidedAt: new Date(),
        decisionNote: input.note?.trim() ?? null,
        version: version.version + 1,
      });
      await manager.save(version);
      return (await versionDtos(manager, [version]))[0]!;
    });
  }

  /** What was added, removed and changed between two versions (or a version and the draft). */
  compare(context: OrganisationContext, from: string, to: string): Promise<PlanDiffDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const snapshotOf = async (which: string, field: 'from' | 'to') => {
        const number = parseVersionRef(which);
        if (number === 'draft') return planSnapshot(manager, context.organisationId);
        if (number === undefined) {
          throw new ValidationProblem([{ field, reason: 'must be a version number or "draft"' }]);
        }
        return (await findVersion(manager, context.organisationId, number))
          .snapshot as PlanSnapshot;
      };
      const diff = diffPlanSnapshots(await snapshotOf(from, 'from'), await snapshotOf(to, 'to'));
      return { from, to, ...diff };
    });
  }
}

async function findVersion(manager: EntityManager, organisationId: string, number: number) {
  const version = await manager.findOneBy(PlanVersionEntity, { organisationId, number });
  if (!version) throw new NotFoundProblem('plan version', String(number));
  return version;
}

async function versionDtos(
  manager: EntityManager,
  versions: PlanVersionEntity[],
): Promise<PlanVersionDto[]> {
  const names = await namesOf(
    manager,
    versions.flatMap((version) => [version.submittedByUserId, version.decidedByUserId]),
  );
  return versions.map((version) => ({
    id: version.id,
    number: version.number,
    status: version.status,
    note: version.note,
    submittedByName: version.submittedByUserId
      ? (names.get(version.submittedByUserId) ?? null)
      : null,
    submittedAt: version.submittedAt.toISOString(),
    decidedByName: version.decidedByUserId ? (names.get(version.decidedByUserId) ?? null) : null,
    decidedAt: version.decidedAt?.toISOString() ?? null,
    decisionNote: version.decisionNote,
    counts: Object.fromEntries(
      Object.entries(version.snapshot as PlanSnapshot).map(([type, entities]) => [
        type,
        entities.length,
      ]),
    ),
    version: version.version,
  }));
}

/**
 * The whole plan as data, for freezing and comparing: every entity with a readable label and the
 * fields a reader of the plan cares about (sets sorted, so order never reads as a change).
 */
export async function planSnapshot(
  manager: EntityManager,
  organisationId: string,
): Promise<PlanSnapshot> {
  const query = <T>(sql: string) => manager.query(sql, [organisationId]) as Promise<T[]>;
  // One after the other: the queries share the transaction's single connection.
  const outcomes = await query<{
    id: string;
    title: string;
    kind: string;
    description: string;
    owner: string;
  }>(
    `SELECT o.id, o.title, o.kind, o.description, u.name AS owner
         FROM outcomes o JOIN users u ON u.id = o.owner_user_id
        WHERE o.organisation_id = $1 ORDER BY o.position, o.created_at`,
  );
  const objectives = await query<{
    id: string;
    title: string;
    description: string;
    outcome: string;
    findings: string[];
  }>(
    `SELECT ob.id, ob.title, ob.description, o.title AS outcome,
              ARRAY(SELECT f.title FROM findings f WHERE f.id = ANY(ob.finding_ids) ORDER BY f.title) AS findings
         FROM objectives ob JOIN outcomes o ON o.id = ob.outcome_id
        WHERE ob.organisation_id = $1 ORDER BY ob.position, ob.created_at`,
  );
  const kpis = await query<Record<string, string>>(
    `SELECT k.id, k.code, k.name, k.unit, k.direction, k.baseline_value::text AS "baselineValue",
              k.baseline_date::text AS "baselineDate", k.target_value::text AS "targetValue",
              k.target_date::text AS "targetDate", k.source, ob.title AS objective
         FROM kpis k JOIN objectives ob ON ob.id = k.objective_id
        WHERE k.organisation_id = $1 ORDER BY k.code`,
  );
  const initiatives = await query<Record<string, unknown>>(
    `SELECT i.id, i.code, i.name, i.description, i.channels, i.budget::text AS budget,
              a.name AS accountable, r.name AS responsible, i.is_experiment AS "isExperiment",
              i.hypothesis, i.success_criteria AS "successCriteria", i.kill_criteria AS "killCriteria",
              i.decision_date::text AS "decisionDate",
              ARRAY(SELECT ob.title FROM initiative_objectives io JOIN objectives ob ON ob.id = io.objective_id
                     WHERE io.initiative_id = i.id ORDER BY ob.title) AS objectives
         FROM initiatives i
         JOIN users a ON a.id = i.accountable_user_id
         JOIN users r ON r.id = i.responsible_user_id
        WHERE i.organisation_id = $1 ORDER BY i.code`,
  );
  const milestones = await query<Record<string, unknown>>(
    `SELECT m.id, m.title, i.code AS initiative, u.name AS owner, m.due_date::text AS "dueDate",
              ARRAY(SELECT d.title FROM milestone_dependencies md JOIN milestones d ON d.id = md.depends_on_id
                     WHERE md.milestone_id = m.id ORDER BY d.title) AS "dependsOn"
         FROM milestones m
         JOIN initiatives i ON i.id = m.initiative_id
         JOIN users u ON u.id = m.owner_user_id
        WHERE m.organisation_id = $1 ORDER BY m.due_date, m.title`,
  );
  const entity = (id: string, label: string, fields: Record<string, unknown>) => ({
    id,
    label,
    fields,
  });
  return {
    outcome: outcomes.map(({ id, title, ...fields }) => entity(id, title, { title, ...fields })),
    objective: objectives.map(({ id, title, ...fields }) =>
      entity(id, title, { title, ...fields }),
    ),
    kpi: kpis.map(({ id, ...fields }) => entity(id!, `${fields.code} ${fields.name}`, fields)),
    initiative: initiatives.map(({ id, ...fields }) =>
      entity(String(id), `${String(fields.code)} ${String(fields.name)}`, fields),
    ),
    milestone: milestones.map(({ id, ...fields }) =>
      entity(String(id), String(fields.title), fields),
    ),
  };
}
