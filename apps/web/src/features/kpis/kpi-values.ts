import type { FormValidateInput } from '@mantine/form';
import { isIsoDate, type KpiDirection, kpiDirectionProblem, PLAN_CODE_PATTERN } from '@roi/domain';
import type { BaselineFigure, KpiDetail } from '../plan/plan.queries';

export interface KpiValues {
  objectiveId: string;
  code: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  baselineValue: number | string;
  baselineDate: string;
  targetValue: number | string;
  targetDate: string;
  source: string;
  baselineFigureId: string | null;
}

/** A KPI as the form edits it. */
export const toValues = (kpi: KpiDetail): KpiValues => ({
  objectiveId: kpi.objectiveId,
  code: kpi.code,
  name: kpi.name,
  unit: kpi.unit,
  direction: kpi.direction,
  baselineValue: kpi.baselineValue,
  baselineDate: kpi.baselineDate,
  targetValue: kpi.targetValue,
  targetDate: kpi.targetDate,
  source: kpi.source,
  baselineFigureId: kpi.baselineFigureId,
});

const isNumber = (value: number | string) =>
  value !== '' && value !== null && Number.isFinite(Number(value));

/** A new KPI's values, under `objectiveId` when it is added from an objective. */
export const newKpiValues = (objectiveId?: string): KpiValues => ({
  objectiveId: objectiveId ?? '',
  code: '',
  name: '',
  unit: '',
  direction: 'increase',
  baselineValue: '',
  baselineDate: '',
  targetValue: '',
  targetDate: '',
  source: '',
  baselineFigureId: null,
});

/**
 * The rules the API holds a KPI to, checked before asking it: the target lies after the baseline,
 * in the KPI's direction (`kpiDirectionProblem`, the API's own rule).
 */
export const kpiRules: FormValidateInput<KpiValues> = {
  objectiveId: (value) => (value ? null : 'Choose the objective it measures'),
  code: (value) =>
    !value
      ? 'Give it a short code, e.g. K-RENEW'
      : value.length > 32
        ? 'At most 32 characters'
        : PLAN_CODE_PATTERN.test(value)
          ? null
          : 'Letters, digits, dots, dashes or underscores',
  name: (value) =>
    !value.trim() ? 'Name the KPI' : value.length > 200 ? 'At most 200 characters' : null,
  unit: (value) => (value.length > 64 ? 'At most 64 characters' : null),
  baselineValue: (value) => (isNumber(value) ? null : 'Enter the baseline value'),
  baselineDate: (value) => (isIsoDate(value) ? null : 'Choose the baseline date'),
  targetValue: (value, values) =>
    !isNumber(value)
      ? 'Enter the target value'
      : isNumber(values.baselineValue)
        ? kpiDirectionProblem(values.direction, Number(values.baselineValue), Number(value))
        : null,
  targetDate: (value, values) =>
    !isIsoDate(value)
      ? 'Choose the target date'
      : value <= values.baselineDate
        ? 'Must be after the baseline date'
        : null,
  source: (value) => (value.length > 500 ? 'At most 500 characters' : null),
};

/**
 * A baseline taken from a figure a closed assessment recorded: its value and date, and its unit
 * and name where the form has none yet.
 */
export function valuesFromFigure(values: KpiValues, figure: BaselineFigure): Partial<KpiValues> {
  return {
    baselineFigureId: figure.id,
    baselineValue: figure.value,
    baselineDate: figure.measuredOn,
    ...(!values.unit && figure.unit ? { unit: figure.unit } : {}),
    ...(!values.name.trim() ? { name: figure.name } : {}),
  };
}

/** The fields a new KPI and a changed one send alike: numbers as numbers, the name trimmed. */
export function kpiBody(values: KpiValues) {
  return {
    objectiveId: values.objectiveId,
    code: values.code,
    name: values.name.trim(),
    unit: values.unit,
    direction: values.direction,
    baselineValue: Number(values.baselineValue),
    baselineDate: values.baselineDate,
    targetValue: Number(values.targetValue),
    targetDate: values.targetDate,
    source: values.source,
  };
}
