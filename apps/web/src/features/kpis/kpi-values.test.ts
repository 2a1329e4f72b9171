import { describe, expect, it } from 'vitest';
import type { BaselineFigure } from '../plan/plan.queries';
import { kpiBody, kpiRules, type KpiValues, newKpiValues, valuesFromFigure } from './kpi-values';

function makeValues(overrides: Partial<KpiValues> = {}): KpiValues {
  return {
    ...newKpiValues('objective-1'),
    code: 'G-RENEW',
    name: 'Member renewal rate ',
    unit: '%',
    baselineValue: '80',
    baselineDate: '2026-01-01',
    targetValue: '90',
    targetDate: '2026-12-01',
    ...overrides,
  };
}

type Rule = (value: unknown, values: KpiValues) => string | null;
const check = (field: 'targetValue' | 'targetDate', values: KpiValues) =>
  ((kpiRules as Record<string, Rule>)[field] as Rule)(values[field], values);

describe('KPI values', () => {
  it('wants the target after the baseline, in the direction the KPI moves', () => {
    expect(check('targetValue', makeValues())).toBeNull();
    expect(check('targetValue', makeValues({ direction: 'decrease' }))).toBeTruthy();
    expect(check('targetDate', makeValues({ targetDate: '2026-01-01' }))).toBe(
      'Must be after the baseline date',
    );
  });

  it('takes the baseline from a recorded figure, and its unit and name when none is given', () => {
    const figure = {
      id: 'figure-1',
      name: 'Renewals last year',
      unit: '%',
      value: 78.5,
      measuredOn: '2025-12-31',
    } as BaselineFigure;
    expect(valuesFromFigure(makeValues({ unit: '', name: ' ' }), figure)).toEqual({
      baselineFigureId: 'figure-1',
      baselineValue: 78.5,
      baselineDate: '2025-12-31',
      unit: '%',
      name: 'Renewals last year',
    });
    expect(valuesFromFigure(makeValues(), figure)).toEqual({
      baselineFigureId: 'figure-1',
      baselineValue: 78.5,
      baselineDate: '2025-12-31',
    });
  });

  it('sends numbers as numbers and the name trimmed', () => {
    expect(kpiBody(makeValues())).toMatchObject({
      name: 'Member renewal rate',
      baselineValue: 80,
      targetValue: 90,
    });
  });
});
