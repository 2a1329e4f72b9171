import { Injectable } from '@nestjs/common';
import { kpiDirectionProblem, kpiStatus } from '@roi/domain';
import type { EntityManager } from 'typeorm';
import type { OrganisationContext } from '../../common/access/request-context';
import { NotFoundProblem, ValidationProblem } from '../../common/problem-details/problem';
import { findRecord, lockRecord, refuseStaleVersion } from '../../common/records/versioned-records';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { definedOnly } from '../../common/validation/defined-only';
import type {
  CreateKpiDto,
  CreateMeasurementDto,
  KpiDetailDto,
  KpiDto,
  KpiMeasurementDto,
  UpdateKpiDto,
  UpdateMeasurementDto,
} from './dto/kpi.dto';
import { organisationClock } from '../organisations/organisation-clock';
import {
  deleteComments,
  openChallenges,
  refuseUnconfirmedCascade,
  savedUniquely,
} from './plan-support';
import { KpiEntity, KpiMeasurementEntity, ObjectiveEntity } from './plan.entity';

/**
 * KPIs and their dated measurements. A KPI's status, progress and expected progress come from the
 * one definition in libs/domain, evaluated as of a date (the organisation's today by default).
 */
@Injectable()
export class KpisService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext, asOf?: string, objectiveId?: string): Promise<KpiDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const kpis = await manager.find(KpiEntity, {
        where: { organisationId: context.organisationId, ...(objectiveId ? { objectiveId } : {}) },
        order: { code: 'ASC' },
      });
      return kpiDtos(manager, context.organisationId, kpis, asOf);
    });
  }

  get(context: OrganisationContext, id: string, asOf?: string): Promise<KpiDetailDto> {
    return this.scoped.inOrganisation(context, (manager) =>
      loadKpi(manager, context.organisationId, id, asOf),
    );
  }

  create(context: OrganisationContext, input: CreateKpiDto): Promise<KpiDetailDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await requireObjective(manager, context.organisationId, input.objectiveId);
      refuseBadShape(input);
      if (input.baselineFigureId) {
        await requireBaselineFigure(manager, context.organisationId, input.baselineFigureId);
      }
      const kpi = await saveWithUniqueCode(manager, () =>
        manager.save(
          manager.create(KpiEntity, {
            organisationId: context.organisationId,
            objectiveId: input.objectiveId,
            code: input.code,
            name: input.name,
            unit: input.unit,
            direction: input.direction,
            baselineValue: String(input.baselineValue),
            baselineDate: input.baselineDate,
            targetValue: String(input.targetValue),
            targetDate: input.targetDate,
            source: input.source ?? '',
            baselineFigureId: input.baselineFigureId ?? null,
          }),
        ),
      );
      return loadKpi(manager, context.organisationId, kpi.id);
    });
  }

  update(context: OrganisationContext, id: string, input: UpdateKpiDto): Promise<KpiDetailDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const kpi = await lockRecord(manager, KpiEntity, context.organisationId, id, 'KPI');
      await refuseStaleVersion(kpi, input.version, 'KPI', () =>
        loadKpi(manager, context.organisationId, id),
      );
      if (input.objectiveId) {
        await requireObjective(manager, context.organisationId, input.objectiveId);
      }
      if (input.baselineFigureId) {
        await requireBaselineFigure(manager, context.organisationId, input.baselineFigureId);
      }
      const { version, baselineValue, targetValue, ...changes } = input;
      Object.assign(kpi, definedOnly(changes), { version: version + 1 });
      if (baselineValue !== undefined) kpi.baselineValue = String(baselineValue);
      if (targetValue !== undefined) kpi.targetValue = String(targetValue);
      refuseBadShape({
        direction: kpi.direction,
        baselineValue: kpi.baselineValue,
        targetValue: kpi.targetValue,
        baselineDate: kpi.baselineDate,
        targetDate: kpi.targetDate,
      });
      await saveWithUniqueCode(manager, () => manager.save(kpi));
      return loadKpi(manager, context.organisationId, id);
    });
  }

  delete(context: OrganisationContext, id: string, cascade?: boolean): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const kpi = await lockRecord(manager, KpiEntity, context.organisationId, id, 'KPI');
      const measurements = await manager.countBy(KpiMeasurementEntity, { kpiId: id });
      refuseUnconfirmedCascade(cascade, `The KPI ${kpi.code}`, [
        { count: measurements, label: measurements === 1 ? 'measurement' : 'measurements' },
      ]);
      await deleteComments(manager, context.organisationId, 'kpi', id);
      await manager.remove(kpi);
    });
  }

  measurements(context: OrganisationContext, kpiId: string): Promise<KpiMeasurementDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findRecord(manager, KpiEntity, context.organisationId, kpiId, 'KPI');
      const rows = await manager.find(KpiMeasurementEntity, {
        where: { kpiId },
        order: { date: 'ASC' },
      });
      return rows.map(toMeasurementDto);
    });
  }

  addMeasurement(
    context: OrganisationContext,
    kpiId: string,
    input: CreateMeasurementDto,
  ): Promise<KpiMeasurementDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await findRecord(manager, KpiEntity, context.organisationId, kpiId, 'KPI');
      const measurement = await saveMeasurement(manager, () =>
        manager.save(
          manager.create(KpiMeasurementEntity, {
            organisationId: context.organisationId,
            kpiId,
            date: input.date,
            value: String(input.value),
            note: input.note ?? '',
            recordedByUserId: context.principal.userId ?? null,
          }),
        ),
      );
      return toMeasurementDto(measurement);
    });
  }

  updateMeasurement(
    context: OrganisationContext,
    kpiId: string,
    measurementId: string,
    input: UpdateMeasurementDto,
  ): Promise<KpiMeasurementDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const measurement = await lockMeasurement(manager, context, kpiId, measurementId);
      await refuseStaleVersion(measurement, input.version, 'measurement', async () =>
        toMeasurementDto(measurement),
      );
      const { version, value, ...changes } = input;
      Object.assign(measurement, definedOnly(changes), { version: version + 1 });
      if (value !== undefined) measurement.value = String(value);
      return toMeasurementDto(await saveMeasurement(manager, () => manager.save(measurement)));
    });
  }

  deleteMeasurement(
    context: OrganisationContext,
    kpiId: string,
    measurementId: string,
  ): Promise<void> {
    return this.scoped.inOrganisation(context, async (manager) => {
      await manager.remove(await lockMeasurement(manager, context, kpiId, measurementId));
    });
  }
}

export async function kpiDtos(
  manager: EntityManager,
  organisationId: string,
  kpis: KpiEntity[],
  asOf?: string,
  openCounted?: ReadonlyMap<string, number>,
): Promise<KpiDto[]> {
  if (kpis.length === 0) return [];
  const date = asOf ?? (await organisationClock(manager, organisationId)).today;
  const rows: { kpi_id: string; date: string; value: string }[] = await manager.query(
    `SELECT kpi_id, date::text AS date, value::text AS value FROM kpi_measurements
      WHERE organisation_id = $1 AND kpi_id = ANY($2::uuid[]) AND date <= $3
      ORDER BY date`,
    [organisationId, kpis.map((kpi) => kpi.id), date],
  );
  const measurementsOf = new Map<string, { date: string; value: string }[]>();
  for (const row of rows) {
    const list = measurementsOf.get(row.kpi_id) ?? [];
    list.push({ date: row.date, value: row.value });
    measurementsOf.set(row.kpi_id, list);
  }
  const open =
    openCounted ??
    (await openChallenges(
      manager,
      organisationId,
      'kpi',
      kpis.map((kpi) => kpi.id),
    ));
  return kpis.map((kpi) => {
    const report = kpiStatus(
      {
        baselineValue: kpi.baselineValue,
        baselineDate: kpi.baselineDate,
        targetValue: kpi.targetValue,
        targetDate: kpi.targetDate,
        measurements: measurementsOf.get(kpi.id) ?? [],
      },
      date,
    );
    return {
      id: kpi.id,
      objectiveId: kpi.objectiveId,
      code: kpi.code,
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      baselineValue: Number(kpi.baselineValue),
      baselineDate: kpi.baselineDate,
      targetValue: Number(kpi.targetValue),
      targetDate: kpi.targetDate,
      source: kpi.source,
      baselineFigureId: kpi.baselineFigureId,
      asOf: date,
      ...report,
      openChallenges: open.get(kpi.id) ?? 0,
      version: kpi.version,
      updatedAt: kpi.updatedAt.toISOString(),
    };
  });
}

async function loadKpi(
  manager: EntityManager,
  organisationId: string,
  id: string,
  asOf?: string,
): Promise<KpiDetailDto> {
  const kpi = await findRecord(manager, KpiEntity, organisationId, id, 'KPI');
  const [dto] = await kpiDtos(manager, organisationId, [kpi], asOf);
  const measurements = await manager.find(KpiMeasurementEntity, {
    where: { kpiId: id },
    order: { date: 'ASC' },
  });
  return { ...dto!, measurements: measurements.map(toMeasurementDto) };
}

function toMeasurementDto(measurement: KpiMeasurementEntity): KpiMeasurementDto {
  return {
    id: measurement.id,
    kpiId: measurement.kpiId,
    date: measurement.date,
    value: Number(measurement.value),
    note: measurement.note,
    version: measurement.version,
  };
}

async function lockMeasurement(
  manager: EntityManager,
  context: OrganisationContext,
  kpiId: string,
  measurementId: string,
) {
  const measurement = await lockRecord(
    manager,
    KpiMeasurementEntity,
    context.organisationId,
    measurementId,
    'measurement',
  );
  if (measurement.kpiId !== kpiId) throw new NotFoundProblem('measurement', measurementId);
  return measurement;
}

/** The brief's KPI needs a direction that agrees with baseline and target, and time to get there. */
function refuseBadShape(kpi: {
  direction: string;
  baselineValue: number | string;
  targetValue: number | string;
  baselineDate: string;
  targetDate: string;
}): void {
  const errors = [];
  const problem = kpiDirectionProblem(kpi.direction, kpi.baselineValue, kpi.targetValue);
  if (problem) errors.push({ field: 'targetValue', reason: problem });
  if (kpi.targetDate <= kpi.baselineDate) {
    errors.push({ field: 'targetDate', reason: 'must be after the baseline date' });
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
}

async function requireObjective(manager: EntityManager, organisationId: string, id: string) {
  if (!(await manager.existsBy(ObjectiveEntity, { id, organisationId }))) {
    throw new ValidationProblem([
      { field: 'objectiveId', reason: 'is not an objective of this organisation' },
    ]);
  }
}

async function requireBaselineFigure(manager: EntityManager, organisationId: string, id: string) {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM baseline_figures WHERE organisation_id = $1 AND id = $2`,
    [organisationId, id],
  );
  if (rows.length === 0) {
    throw new ValidationProblem([
      { field: 'baselineFigureId', reason: 'is not a baseline figure of this organisation' },
    ]);
  }
}

function saveWithUniqueCode<T>(manager: EntityManager, save: () => Promise<T>): Promise<T> {
  return savedUniquely(manager, save, 'kpis_organisation_id_code_key', {
    title: 'Code already used',
    detail: 'Another KPI of the organisation has this code.',
    field: 'code',
    reason: 'is already used by another KPI',
  });
}

function saveMeasurement<T>(manager: EntityManager, save: () => Promise<T>): Promise<T> {
  return savedUniquely(manager, save, 'kpi_measurements_kpi_id_date_key', {
    title: 'Already measured that day',
    detail: 'The KPI has a measurement on that date: change it instead of adding another.',
    field: 'date',
    reason: 'already has a measurement',
  });
}
