import {
  addLedgerSums,
  budgetVariance,
  displayRoiFigures,
  roiFigures,
  roundHalfAwayFromZero,
  STRATEGY_STEPS,
  ZERO_SUMS,
  type LedgerSums,
} from '@roi/domain';
import type { RoiGroupDto, RoiIntervalDto, RoiReportDto } from '../roi/dto/roi.dto';
import type {
  BoardPackContentDto,
  BoardPackDto,
  CommentaryDto,
  PackOrganisationDto,
} from './dto/board-pack.dto';
import type { ReportKpiDto } from './dto/report-parts.dto';

/**
 * Board packs built by hand for the export tests: a realistic published pack, whose figures are
 * computed from ledger sums by the domain's own ROI functions so that totals and groups agree.
 * Each call builds a new pack; nothing is shared between tests.
 */

/** A stable, valid UUID per number, so that packs built twice are equal. */
export function fixtureId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

const MINOR_UNITS = 2;

/** One initiative's ROI group from its ledger sums and budget, as GET /roi returns it. */
export function makeInitiativeRoi(
  overrides: Partial<LedgerSums> & {
    key?: string;
    label?: string;
    budget?: string;
    paybackDate?: string | null;
  } = {},
): RoiGroupDto {
  const sums: LedgerSums = {
    cost: overrides.cost ?? '20345.67',
    value: overrides.value ?? '25000.00',
    riskAdjustedValue: overrides.riskAdjustedValue ?? '21250.00',
  };
  const budget = overrides.budget ?? '25000.00';
  return {
    key: overrides.key ?? 'I1',
    label: overrides.label ?? 'Employee advocacy programme',
    ...displayRoiFigures(roiFigures(sums), MINOR_UNITS),
    budget,
    budgetVariance: roundHalfAwayFromZero(budgetVariance(budget, sums.cost), MINOR_UNITS),
    paybackDate: overrides.paybackDate === undefined ? '2027-05-14' : overrides.paybackDate,
  };
}

/** A group by channel (no budget, no payback). */
export function makeChannelRoi(key: string, label: string, sums: LedgerSums): RoiGroupDto {
  return { key, label, ...displayRoiFigures(roiFigures(sums), MINOR_UNITS) };
}

/** The report whose totals are the exact sums of its groups' figures. */
export function makeRoiReport(
  groups: RoiGroupDto[],
  from = '2027-01-01',
  to = '2027-06-30',
): RoiReportDto {
  const sums = groups.reduce<LedgerSums>(
    (total, group) =>
      addLedgerSums(total, {
        cost: group.cost,
        value: group.value,
        riskAdjustedValue: group.riskAdjustedValue,
      }),
    ZERO_SUMS,
  );
  return {
    from,
    to,
    currency: 'EUR',
    totals: displayRoiFigures(roiFigures(sums), MINOR_UNITS),
    groups,
  };
}

function month(index: number, sums: LedgerSums): RoiIntervalDto {
  const from = new Date(Date.UTC(2027, index, 1));
  const to = new Date(Date.UTC(2027, index + 1, 0));
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
    ...displayRoiFigures(roiFigures(sums), MINOR_UNITS),
  };
}

/** A KPI as the pack reports it; at risk by execution unless told otherwise. */
export function makeKpi(overrides: Partial<ReportKpiDto> = {}): ReportKpiDto {
  return {
    kpiId: fixtureId(100),
    code: 'K1',
    name: 'Employee advocacy reach',
    unit: 'impressions',
    status: 'at_risk',
    progress: 0.3125,
    expected: 0.4959,
    current: 41250,
    baseline: 25000,
    target: 77000,
    targetDate: '2027-12-31',
    miss: 'execution',
    lateMilestones: [
      {
        id: fixtureId(300),
        title: 'Advocacy training for 40 managers',
        initiativeCode: 'I1',
        dueDate: '2027-04-30',
        status: 'missed',
        doneOn: null,
      },
    ],
    answerable: [{ userId: fixtureId(10), name: 'Aoife O’Brien' }],
    ...overrides,
  };
}

/** `count` KPIs with distinct codes and a mix of statuses, for packs that span pages. */
export function makeKpis(count: number): ReportKpiDto[] {
  const statuses = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
  return Array.from({ length: count }, (_, index) => {
    const status = statuses[index % statuses.length] as ReportKpiDto['status'];
    const measured = status !== 'no_data';
    return makeKpi({
      kpiId: fixtureId(1000 + index),
      code: `K${index + 1}`,
      name: `Share of voice in market ${index + 1}`,
      unit: '%',
      status,
      progress: measured ? Math.round((0.2 + (index % 7) * 0.11) * 10_000) / 10_000 : null,
      expected: 0.4959,
      current: measured ? 12 + (index % 9) : null,
      baseline: 10,
      target: 25,
      miss: status === 'at_risk' ? 'execution' : status === 'off_track' ? 'strategy' : null,
      lateMilestones: [],
      answerable: status === 'off_track' ? [{ userId: fixtureId(11), name: 'Marek Nowak' }] : [],
    });
  });
}

/** `count` initiatives with varied figures (every seventh has no cost, so no ROI). */
export function makeInitiatives(count: number): RoiGroupDto[] {
  return Array.from({ length: count }, (_, index) => {
    const cost = index % 7 === 6 ? '0' : `${(1000 + index * 137.25).toFixed(2)}`;
    const value = `${(800 + ((index * 389.5) % 9000)).toFixed(2)}`;
    return makeInitiativeRoi({
      key: `I${index + 1}`,
      label: `Initiative ${index + 1}: regional community programme`,
      cost,
      value,
      riskAdjustedValue: `${(Number(value) * 0.8).toFixed(2)}`,
      budget: `${(1500 + index * 150).toFixed(2)}`,
      paybackDate: index % 3 === 0 ? null : '2027-04-15',
    });
  });
}

const ORGANISATION: PackOrganisationDto = {
  name: 'Northwind Trading Ltd',
  currency: 'EUR',
  minorUnits: MINOR_UNITS,
  locale: 'en-GB',
  timeZone: 'Europe/London',
};

function defaultContent(): BoardPackContentDto {
  const initiatives = [
    makeInitiativeRoi(),
    makeInitiativeRoi({
      key: 'I2',
      label: 'Executive presence on LinkedIn',
      cost: '8400.00',
      value: '15120.50',
      riskAdjustedValue: '11340.38',
      budget: '10000.00',
      paybackDate: '2027-03-02',
    }),
    makeInitiativeRoi({
      key: 'I3',
      label: 'Customer care on social — 24/7',
      cost: '31250.10',
      value: '22800.00',
      riskAdjustedValue: '17100.00',
      budget: '30000.00',
      paybackDate: null,
    }),
    makeInitiativeRoi({
      key: 'I4',
      label: 'Listening pilot (experiment)',
      cost: '0',
      value: '1200.00',
      riskAdjustedValue: '600.00',
      budget: '5000.00',
      paybackDate: null,
    }),
  ];
  const channels = [
    makeChannelRoi(fixtureId(201), 'LinkedIn', {
      cost: '28745.67',
      value: '40120.50',
      riskAdjustedValue: '32590.38',
    }),
    makeChannelRoi(fixtureId(202), 'Instagram', {
      cost: '19100.10',
      value: '12800.00',
      riskAdjustedValue: '9600.00',
    }),
    makeChannelRoi(fixtureId(203), 'X (Twitter)', {
      cost: '12150.00',
      value: '11200.00',
      riskAdjustedValue: '8100.00',
    }),
  ];
  const monthly: LedgerSums[] = [
    { cost: '9120.15', value: '4200.00', riskAdjustedValue: '3150.00' },
    { cost: '10250.40', value: '7300.25', riskAdjustedValue: '5600.00' },
    { cost: '11004.12', value: '10120.00', riskAdjustedValue: '8050.10' },
    { cost: '9875.00', value: '12950.75', riskAdjustedValue: '10400.00' },
    { cost: '9990.10', value: '14100.00', riskAdjustedValue: '11290.28' },
    { cost: '9756.00', value: '15449.50', riskAdjustedValue: '11800.00' },
  ];
  return {
    computedAt: '2027-07-02T09:30:00.000Z',
    asOf: '2027-06-30',
    organisation: { ...ORGANISATION },
    cycle: {
      id: fixtureId(1),
      name: 'FY2027 social strategy',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
    },
    roadmap: STRATEGY_STEPS.map((step) => ({
      step: step.key,
      number: step.number,
      name: step.name,
      status: step.number <= 4 ? 'done' : step.number === 5 ? 'in_progress' : 'not_started',
      ownerName: step.number % 2 === 0 ? 'Aoife O’Brien' : 'Marek Nowak',
      signedOffAt: step.number <= 4 ? `2027-0${step.number + 1}-15T16:00:00.000Z` : null,
    })),
    maturity: {
      assessmentId: fixtureId(50),
      title: 'Social maturity assessment 2027',
      overallScore: 2.65,
      stage: 3,
      stageName: 'Defined',
      previousOverallScore: 2.1,
      previousStage: 2,
      previousCycleName: 'FY2026 social strategy',
      dimensions: [
        { dimension: 'Strategy and governance', score: 3.1, previousScore: 2.4 },
        { dimension: 'Listening', score: 2.2, previousScore: 2.5 },
        { dimension: 'Executive presence', score: 2.8, previousScore: 1.9 },
        { dimension: 'Measurement', score: 2.5, previousScore: null },
      ],
      findings: [
        'Leadership posts reach 3× more people than the brand page.',
        'Listening is done ad hoc; nobody owns the weekly digest.',
      ],
    },
    kpis: [
      makeKpi(),
      makeKpi({
        kpiId: fixtureId(101),
        code: 'K2',
        name: 'Qualified leads from social',
        unit: 'leads',
        status: 'off_track',
        progress: 0.1,
        expected: 0.4959,
        current: 130,
        baseline: 100,
        target: 400,
        miss: 'strategy',
        lateMilestones: [],
        answerable: [{ userId: fixtureId(11), name: 'Marek Nowak' }],
      }),
      makeKpi({
        kpiId: fixtureId(102),
        code: 'K3',
        name: 'Customer care response time',
        unit: 'minutes',
        status: 'on_track',
        progress: 0.62,
        expected: 0.4959,
        current: 41,
        baseline: 95,
        target: 8,
        miss: null,
        lateMilestones: [],
        answerable: [],
      }),
      makeKpi({
        kpiId: fixtureId(103),
        code: 'K4',
        name: 'Employer brand sentiment',
        unit: 'score',
        status: 'no_data',
        progress: null,
        expected: 0.4959,
        current: null,
        baseline: 0.1,
        target: 0.35,
        miss: null,
        lateMilestones: [],
        answerable: [],
      }),
    ],
    kpiCounts: { onTrack: 1, atRisk: 1, offTrack: 1, noData: 1 },
    misses: { strategy: 1, execution: 1, unplanned: 0 },
    roi: makeRoiReport(initiatives),
    roiByChannel: makeRoiReport(channels),
    costValueByMonth: monthly.map((sums, index) => month(index, sums)),
    milestones: {
      byStatus: { planned: 6, in_progress: 4, done: 11, missed: 2, cancelled: 1 },
      overdue: 3,
      missCategories: {
        resources: 1,
        dependency: 1,
        scope_change: 0,
        external: 0,
        strategy_changed: 0,
        other: 0,
      },
      delivered: [
        {
          id: fixtureId(310),
          title: 'Brand listening dashboard live',
          initiativeCode: 'I3',
          dueDate: '2027-03-31',
          doneOn: '2027-03-28',
        },
        {
          id: fixtureId(311),
          title: 'Executive posting calendar agreed',
          initiativeCode: 'I2',
          dueDate: '2027-02-15',
          doneOn: '2027-02-20',
        },
      ],
      missed: [
        {
          id: fixtureId(300),
          title: 'Advocacy training for 40 managers',
          initiativeCode: 'I1',
          dueDate: '2027-04-30',
          missCategory: 'resources',
          missNote: 'Two trainers left in April; the course moved to September.',
        },
        {
          id: fixtureId(301),
          title: 'CRM link for social leads',
          initiativeCode: 'I2',
          dueDate: '2027-05-31',
          missCategory: 'dependency',
          missNote: null,
        },
      ],
    },
    experiments: [
      {
        initiativeId: fixtureId(404),
        code: 'I4',
        name: 'Listening pilot (experiment)',
        hypothesis: 'Answering complaints within an hour lifts sentiment by 10 points.',
        decisionDate: '2027-05-31',
        outcome: 'validated',
        lessons: 'Speed matters more than tone; staff the evening shift.',
      },
      {
        initiativeId: fixtureId(405),
        code: 'I5',
        name: 'Short video on Instagram',
        hypothesis: null,
        decisionDate: null,
        outcome: 'inconclusive',
        lessons: null,
      },
    ],
  };
}

type ContentOverrides = Partial<Omit<BoardPackContentDto, 'organisation'>> & {
  organisation?: Partial<PackOrganisationDto>;
};

export interface PackOverrides extends Partial<Omit<BoardPackDto, 'commentary' | 'content'>> {
  commentary?: Partial<CommentaryDto>;
  content?: ContentOverrides;
}

/** A published board pack as GET /board-packs/{id} returns it, with any part replaced. */
export function makePack(overrides: PackOverrides = {}): BoardPackDto {
  const { commentary, content, ...pack } = overrides;
  const defaults = defaultContent();
  return {
    id: fixtureId(2),
    cycleId: fixtureId(1),
    cycleName: 'FY2027 social strategy',
    title: 'Board review, June 2027',
    asOf: '2027-06-30',
    status: 'published',
    publishedAt: '2027-07-02T09:30:00.000Z',
    publishedByName: 'Aoife O’Brien',
    createdByName: 'Aoife O’Brien',
    createdAt: '2027-07-01T08:00:00.000Z',
    version: 3,
    ...pack,
    commentary: {
      summary:
        'ROI to date is positive: the programme returned €1.14 for every euro spent, ahead of the plan’s €1.05.\n\n' +
        'Customer care on social — our largest line — still costs more than it returns; we propose to narrow it to weekdays.',
      decisions:
        '1. Approve moving €5,000 from customer care to executive presence.\n' +
        '2. Note that the advocacy training moves to September.',
      ...commentary,
    },
    content: {
      ...defaults,
      ...content,
      organisation: { ...defaults.organisation, ...content?.organisation },
    },
  };
}
