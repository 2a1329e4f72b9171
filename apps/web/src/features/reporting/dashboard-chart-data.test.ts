import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../roi/money';
import {
  budgetSummary,
  burnUpSummary,
  costValueRows,
  costValueSummary,
  maturitySummary,
  rankedRows,
  rankedSummary,
} from './dashboard-chart-data';
import { DEMO_DASHBOARD } from './dashboard-test-data';
import { formatReportDay, intervalName } from './report-format';

const money = moneyFormat('GBP', 'en-GB');
const figures = {
  riskAdjustedValue: '0.00',
  net: '0.00',
  roi: null,
  riskAdjustedRoi: null,
};

describe('report dates', () => {
  it('writes months as three letters and four-digit years, September included', () => {
    expect(intervalName('2027-09-01', '2027-09-30')).toBe('Sep 2027');
    expect(intervalName('2026-07-05', '2026-09-30')).toBe('Jul–Sep 2026');
    expect(intervalName('2026-11-01', '2027-01-31')).toBe('Nov 2026–Jan 2027');
    expect(formatReportDay('2027-09-03')).toBe('3 Sep 2027');
    expect(formatReportDay('2026-08-06T16:30:00.000Z')).toBe('6 Aug 2026');
  });
});

describe('cost against value', () => {
  it('names each bar by its month and keeps the figures for the axis only', () => {
    const rows = costValueRows(DEMO_DASHBOARD.roi.intervals);
    expect(rows.map((row) => row.name)).toEqual([
      'Jul 2026',
      'Aug 2026',
      'Sep 2026',
      'Oct 2026',
      'Nov 2026',
      'Dec 2026',
    ]);
    expect(rows[2]).toMatchObject({ cost: 1858.73, value: 2859.93 });
    expect(rows[2]?.interval.cost).toBe('1858.73');
  });

  it('says in how many intervals value beat cost, and when the most value came', () => {
    expect(costValueSummary(DEMO_DASHBOARD.roi.intervals, 'month', money)).toBe(
      'Cost and value for each month of the cycle to date: value exceeded cost in 4 of 6 months; the most value came in Oct 2026 (£3,857.07).',
    );
    const quiet = [
      { from: '2027-01-01', to: '2027-03-31', cost: '0.00', value: '0.00', ...figures },
    ];
    expect(costValueSummary(quiet, 'quarter', money)).toBe(
      'Cost and value for each quarter of the cycle to date: value exceeded cost in 0 of 1 quarter.',
    );
  });
});

describe('budget against actual', () => {
  it('names the initiatives that spent more than their budget, by how much', () => {
    expect(budgetSummary(DEMO_DASHBOARD.roi.budget, money)).toBe(
      'Budget and actual cost to date of 3 initiatives: none has spent more than its budget.',
    );
    const over = [
      { code: 'G-AD', name: 'Ads', budget: '100.00', cost: '250.50', budgetVariance: '-150.50' },
    ];
    expect(budgetSummary(over, money)).toBe(
      'Budget and actual cost to date of 1 initiative: G-AD is £150.50 over.',
    );
  });
});

describe('top and bottom initiatives', () => {
  const group = (key: string, roi: string | null) => ({
    key,
    label: key,
    cost: '1.00',
    value: '1.00',
    ...figures,
    roi,
    riskAdjustedRoi: roi,
  });

  it('runs from the best to the worst: the top first, then the bottom read back to front', () => {
    const rows = rankedRows(
      [group('A', '1.5000'), group('B', '0.2000')],
      [group('E', '-0.9000'), group('D', '-0.1000')],
    );
    expect(rows.map((row) => [row.name, row.rank, row.roi])).toEqual([
      ['A', 'top', 150],
      ['B', 'top', 20],
      ['D', 'bottom', -10],
      ['E', 'bottom', -90],
    ]);
    expect(rankedSummary(rows)).toBe(
      'ROI to date of 4 initiatives: highest A at 150.00%, lowest E at -90.00%.',
    );
  });

  it('says so when no initiative has cost, so none has an ROI', () => {
    expect(rankedSummary(rankedRows([], []))).toBe(
      'No initiative has cost to date, so none has an ROI to rank.',
    );
    expect(rankedSummary(rankedRows([group('A', '0.1234')], []))).toBe(
      'One initiative has an ROI to date: A at 12.34%.',
    );
  });
});

describe('milestones and maturity', () => {
  it('says how far the burn-up is behind plan at its last point', () => {
    expect(burnUpSummary(DEMO_DASHBOARD.milestones.burnUp)).toBe(
      'By 2 Dec 2026, 2 of 6 milestones due were done: 4 behind plan.',
    );
    expect(burnUpSummary([])).toBe('No milestones are due in the cycle yet.');
  });

  it('gives the stage and score against the previous cycle', () => {
    const maturity = DEMO_DASHBOARD.maturity;
    if (!maturity) throw new Error('the demo has a maturity assessment');
    expect(maturitySummary(maturity, 'FY2027 social strategy')).toBe(
      'Maturity in FY2027 social strategy: 2.7 of 5 overall, stage 3 (Engagement), against 1.7 and stage 2 in FY2026 social strategy; 7 dimensions.',
    );
  });
});
