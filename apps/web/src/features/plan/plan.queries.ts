import {
  queryOptions,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { useOrganisationId } from '../../session/organisation';

export type StrategyMap = Schemas['StrategyMapDto'];
export type MapOutcome = Schemas['MapOutcomeDto'];
export type MapObjective = Schemas['MapObjectiveDto'];
export type MapInitiative = Schemas['MapInitiativeDto'];
export type MapMilestone = Schemas['MapMilestoneDto'];
export type Outcome = Schemas['OutcomeDto'];
export type Objective = Schemas['ObjectiveDto'];
export type Kpi = Schemas['KpiDto'];
export type KpiDetail = Schemas['KpiDetailDto'];
export type Measurement = Schemas['KpiMeasurementDto'];
export type Initiative = Schemas['InitiativeDto'];
export type BaselineFigure = Schemas['BaselineFigureDto'];

/** The records of the plan, named as the live events name their tables. */
export type PlanRecordType = 'outcomes' | 'objectives' | 'kpis' | 'initiatives';

/**
 * Every query of the plan lives under ['plan', orgId, area, ...], so a live change can refresh
 * one area (the map, one KPI, the comments...) without touching the rest.
 */
export const planKeys = {
  all: (orgId: string) => ['plan', orgId] as const,
  area: (orgId: string, area: string) => ['plan', orgId, area] as const,
  map: (orgId: string) => ['plan', orgId, 'map'] as const,
  record: (orgId: string, type: PlanRecordType, id: string) => ['plan', orgId, type, id] as const,
  kpi: (orgId: string, id: string, asOf?: string) =>
    ['plan', orgId, 'kpis', id, asOf ?? 'today'] as const,
  findings: (orgId: string) => ['plan', orgId, 'findings'] as const,
  baselineFigures: (orgId: string) => ['plan', orgId, 'baseline-figures'] as const,
};

const path = (orgId: string) => ({ params: { path: { orgId } } });

/** The strategy map; also started by the router when the map's address is opened. */
export const strategyMapQuery = (orgId: string) =>
  queryOptions({
    queryKey: planKeys.map(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{orgId}/strategy-map', path(orgId))),
  });

export function useStrategyMap() {
  return useQuery(strategyMapQuery(useOrganisationId()));
}

/** One record as the API has it now: what an edit form starts from, and compares against. */
export function fetchPlanRecord(orgId: string, type: 'outcomes', id: string): Promise<Outcome>;
export function fetchPlanRecord(orgId: string, type: 'objectives', id: string): Promise<Objective>;
export function fetchPlanRecord(orgId: string, type: 'kpis', id: string): Promise<KpiDetail>;
export function fetchPlanRecord(
  orgId: string,
  type: 'initiatives',
  id: string,
): Promise<Initiative>;
export function fetchPlanRecord(orgId: string, type: PlanRecordType, id: string): Promise<unknown> {
  switch (type) {
    case 'outcomes':
      return unwrap(
        api.GET('/api/v1/organisations/{orgId}/outcomes/{outcomeId}', {
          params: { path: { orgId, outcomeId: id } },
        }),
      );
    case 'objectives':
      return unwrap(
        api.GET('/api/v1/organisations/{orgId}/objectives/{objectiveId}', {
          params: { path: { orgId, objectiveId: id } },
        }),
      );
    case 'kpis':
      return unwrap(
        api.GET('/api/v1/organisations/{orgId}/kpis/{kpiId}', {
          params: { path: { orgId, kpiId: id } },
        }),
      );
    case 'initiatives':
      return unwrap(
        api.GET('/api/v1/organisations/{orgId}/initiatives/{initiativeId}', {
          params: { path: { orgId, initiativeId: id } },
        }),
      );
  }
}

export function useOutcome(id: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: planKeys.record(orgId, 'outcomes', id),
    queryFn: () => fetchPlanRecord(orgId, 'outcomes', id),
  });
}

export const objectiveQuery = (orgId: string, id: string) =>
  queryOptions({
    queryKey: planKeys.record(orgId, 'objectives', id),
    queryFn: () => fetchPlanRecord(orgId, 'objectives', id),
    // A page that learns the objective's id from another query asks once it knows it.
    enabled: id !== '',
  });

export function useObjective(id: string) {
  return useQuery(objectiveQuery(useOrganisationId(), id));
}

export function useInitiative(id: string) {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: planKeys.record(orgId, 'initiatives', id),
    queryFn: () => fetchPlanRecord(orgId, 'initiatives', id),
  });
}

/** A KPI with its measurements, evaluated as of a date (today by default). */
/** One KPI evaluated as of a day (today by default); also started by the router. */
export const kpiQuery = (orgId: string, id: string, asOf?: string) =>
  queryOptions({
    queryKey: planKeys.kpi(orgId, id, asOf),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/organisations/{orgId}/kpis/{kpiId}', {
          params: { path: { orgId, kpiId: id }, query: asOf ? { asOf } : {} },
        }),
      ),
  });

export function useKpi(id: string, asOf?: string) {
  return useQuery(kpiQuery(useOrganisationId(), id, asOf));
}

export function useInitiatives() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: planKeys.area(orgId, 'initiatives'),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{orgId}/initiatives', path(orgId))),
  });
}

export function useBaselineFigures() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: planKeys.baselineFigures(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{orgId}/baseline-figures', path(orgId))),
  });
}

export interface FindingOption {
  id: string;
  title: string;
  severity: 'low' | 'medium' | 'high';
  assessmentTitle: string;
}

/**
 * Every finding an objective can cite, across the organisation's assessments (the API lists them
 * per assessment).
 */
export function useFindingOptions() {
  const orgId = useOrganisationId();

  const assessments = useQuery({
    queryKey: [...planKeys.findings(orgId), 'assessments'],
    queryFn: () => unwrap(api.GET('/api/v1/organisations/{orgId}/assessments', path(orgId))),
  });
  const findings = useQueries({
    queries: (assessments.data ?? []).map((assessment) => ({
      queryKey: [...planKeys.findings(orgId), assessment.id],
      queryFn: () =>
        unwrap(
          api.GET('/api/v1/organisations/{orgId}/assessments/{assessmentId}/findings', {
            params: { path: { orgId, assessmentId: assessment.id } },
          }),
        ),
    })),
  });
  const options: FindingOption[] = (assessments.data ?? []).flatMap((assessment, index) =>
    (findings[index]?.data ?? []).map((finding) => ({
      id: finding.id,
      title: finding.title,
      severity: finding.severity,
      assessmentTitle: assessment.title,
    })),
  );
  return {
    options,
    isPending: assessments.isPending || findings.some((query) => query.isPending),
    error: assessments.error ?? findings.find((query) => query.error)?.error ?? null,
  };
}

/** Every change to the plan refreshes the plan and the execution views built on it. */
function usePlanChange<Input, Output>(change: (input: Input) => Promise<Output>) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: planKeys.all(orgId) });
      await queryClient.invalidateQueries({ queryKey: ['execution', orgId] });
    },
  });
}

export const useCreateOutcome = () => {
  const orgId = useOrganisationId();
  return usePlanChange((body: Schemas['CreateOutcomeDto']) =>
    unwrap(api.POST('/api/v1/organisations/{orgId}/outcomes', { ...path(orgId), body })),
  );
};

export const useUpdateOutcome = () => {
  const orgId = useOrganisationId();
  return usePlanChange(({ id, ...body }: { id: string } & Schemas['UpdateOutcomeDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/outcomes/{outcomeId}', {
        params: { path: { orgId, outcomeId: id } },
        body,
      }),
    ),
  );
};

export const useCreateObjective = () => {
  const orgId = useOrganisationId();
  return usePlanChange((body: Schemas['CreateObjectiveDto']) =>
    unwrap(api.POST('/api/v1/organisations/{orgId}/objectives', { ...path(orgId), body })),
  );
};

export const useUpdateObjective = () => {
  const orgId = useOrganisationId();
  return usePlanChange(({ id, ...body }: { id: string } & Schemas['UpdateObjectiveDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/objectives/{objectiveId}', {
        params: { path: { orgId, objectiveId: id } },
        body,
      }),
    ),
  );
};

export const useCreateKpi = () => {
  const orgId = useOrganisationId();
  return usePlanChange((body: Schemas['CreateKpiDto']) =>
    unwrap(api.POST('/api/v1/organisations/{orgId}/kpis', { ...path(orgId), body })),
  );
};

export const useUpdateKpi = () => {
  const orgId = useOrganisationId();
  return usePlanChange(({ id, ...body }: { id: string } & Schemas['UpdateKpiDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/kpis/{kpiId}', {
        params: { path: { orgId, kpiId: id } },
        body,
      }),
    ),
  );
};

export const useCreateInitiative = () => {
  const orgId = useOrganisationId();
  return usePlanChange((body: Schemas['CreateInitiativeDto']) =>
    unwrap(api.POST('/api/v1/organisations/{orgId}/initiatives', { ...path(orgId), body })),
  );
};

export const useUpdateInitiative = () => {
  const orgId = useOrganisationId();
  return usePlanChange(({ id, ...body }: { id: string } & Schemas['UpdateInitiativeDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/initiatives/{initiativeId}', {
        params: { path: { orgId, initiativeId: id } },
        body,
      }),
    ),
  );
};

/** Deletes a record; without `cascade` the API refuses (409) when others depend on it. */
export const useDeletePlanRecord = () => {
  const orgId = useOrganisationId();
  return usePlanChange(
    async (input: { type: PlanRecordType | 'milestones'; id: string; cascade: boolean }) => {
      const query = input.cascade ? { cascade: true } : {};
      switch (input.type) {
        case 'outcomes':
          return unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/outcomes/{outcomeId}', {
              params: { path: { orgId, outcomeId: input.id }, query },
            }),
          );
        case 'objectives':
          return unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/objectives/{objectiveId}', {
              params: { path: { orgId, objectiveId: input.id }, query },
            }),
          );
        case 'kpis':
          return unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/kpis/{kpiId}', {
              params: { path: { orgId, kpiId: input.id }, query },
            }),
          );
        case 'initiatives':
          return unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/initiatives/{initiativeId}', {
              params: { path: { orgId, initiativeId: input.id }, query },
            }),
          );
        case 'milestones':
          return unwrap(
            api.DELETE('/api/v1/organisations/{orgId}/milestones/{milestoneId}', {
              params: { path: { orgId, milestoneId: input.id }, query },
            }),
          );
      }
    },
  );
};

export const useAddMeasurement = (kpiId: string) => {
  const orgId = useOrganisationId();
  return usePlanChange((body: Schemas['CreateMeasurementDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/kpis/{kpiId}/measurements', {
        params: { path: { orgId, kpiId } },
        body,
      }),
    ),
  );
};

export const useCorrectMeasurement = (kpiId: string) => {
  const orgId = useOrganisationId();
  return usePlanChange(({ id, ...body }: { id: string } & Schemas['UpdateMeasurementDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/kpis/{kpiId}/measurements/{measurementId}', {
        params: { path: { orgId, kpiId, measurementId: id } },
        body,
      }),
    ),
  );
};

export const useDeleteMeasurement = (kpiId: string) => {
  const orgId = useOrganisationId();
  return usePlanChange((measurementId: string) =>
    unwrap(
      api.DELETE('/api/v1/organisations/{orgId}/kpis/{kpiId}/measurements/{measurementId}', {
        params: { path: { orgId, kpiId, measurementId } },
      }),
    ),
  );
};
