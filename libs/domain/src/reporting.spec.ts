import {
  attentionOrder,
  countKpiStatuses,
  kpiMovements,
  packDateProblem,
  roiToDatePeriod,
} from './reporting';

const cycle = { startsOn: '2027-01-01', endsOn: '2027-12-31' };

describe('roiToDatePeriod: from the cycle start to t, capped at the cycle end', () => {
  it.each([
    ['within the cycle', '2027-06-30', { from: '2027-01-01', to: '2027-06-30' }],
    ['on the first day', '2027-01-01', { from: '2027-01-01', to: '2027-01-01' }],
    ['on the last day', '2027-12-31', { from: '2027-01-01', to: '2027-12-31' }],
    ['after the end (capped)', '2028-03-01', { from: '2027-01-01', to: '2027-12-31' }],
    ['before the start (nothing to date)', '2026-12-31', null],
  ])('%s', (_label, asOf, expected) => {
    expect(roiToDatePeriod(cycle, asOf)).toEqual(expected);
  });

  it('refuses a date that is not a calendar date', () => {
    expect(() => roiToDatePeriod(cycle, '2027-02-30')).toThrow();
  });
});

describe('packDateProblem', () => {
  it('takes the cycle start and end days themselves', () => {
    expect(packDateProblem(cycle, '2027-01-01')).toBeNull();
    expect(packDateProblem(cycle, '2027-12-31')).toBeNull();
  });

  it('names the bound a date falls outside', () => {
    expect(packDateProblem(cycle, '2026-12-31')).toMatch(/on or after .*2027-01-01/);
    expect(packDateProblem(cycle, '2028-01-01')).toMatch(/on or before .*2027-12-31/);
  });
});

describe('countKpiStatuses and attentionOrder', () => {
  it('counts each status', () => {
    expect(countKpiStatuses(['on_track', 'at_risk', 'off_track', 'off_track', 'no_data'])).toEqual({
      onTrack: 1,
      atRisk: 1,
      offTrack: 2,
      noData: 1,
    });
  });

  it('puts off-track KPIs before at-risk ones, then by code', () => {
    const kpis = [
      { status: 'at_risk' as const, code: 'K1' },
      { status: 'off_track' as const, code: 'K9' },
      { status: 'off_track' as const, code: 'K2' },
    ];
    expect([...kpis].sort(attentionOrder).map((kpi) => kpi.code)).toEqual(['K2', 'K9', 'K1']);
  });
});

describe('kpiMovements: what moved between two packs', () => {
  const kpi = (overrides = {}) => ({
    kpiId: 'k1',
    code: 'K1',
    name: 'Share of voice',
    status: 'on_track' as const,
    progress: 0.5,
    miss: null,
    ...overrides,
  });

  it('reports nothing when nothing moved', () => {
    expect(kpiMovements([kpi()], [kpi()])).toEqual([]);
  });

  it('reports a change of status, progress or attribution, and KPIs added or gone', () => {
    const moved = kpiMovements(
      [kpi(), kpi({ kpiId: 'k2', code: 'K2' }), kpi({ kpiId: 'gone', code: 'K0' })],
      [
        kpi({ status: 'at_risk', progress: 0.3, miss: 'execution' }),
        kpi({ kpiId: 'k2', code: 'K2', progress: 0.6 }),
        kpi({ kpiId: 'new', code: 'K3' }),
      ],
    );
    expect(moved.map((item) => [item.code, item.statusBefore, item.statusAfter])).toEqual([
      ['K1', 'on_track', 'at_risk'],
      ['K2', 'on_track', 'on_track'],
      ['K3', null, 'on_track'],
      ['K0', 'on_track', null],
    ]);
    expect(moved[0]).toMatchObject({
      missBefore: null,
      missAfter: 'execution',
      progressAfter: 0.3,
    });
  });
});
