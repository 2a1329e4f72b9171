import {
  EXPERIMENT_OUTCOME_LABELS,
  KPI_STATUS_LABELS,
  MILESTONE_STATUS_LABELS,
  MILESTONE_STATUSES,
  MISS_ATTRIBUTION_LABELS,
  MISS_CATEGORY_LABELS,
  reportLabel,
  STEP_STATUS_LABELS,
} from '@roi/domain';
import type { ReportKpiDto } from './dto/report-parts.dto';
import {
  bullets,
  COLOUR,
  paragraph,
  paragraphs,
  subheading,
  table,
  type Writer,
} from './pack-pdf-layout';
import { moneyCells, percentWhole } from './pack-pdf-money';

/**
 * The sections of the board pack PDF other than the money ones (pack-pdf-money.ts): the summary,
 * the roadmap, maturity, KPIs, milestones, experiments and decisions. Each writes its body at the
 * current position, under the heading pack-pdf.ts has put there; figures go through the writer,
 * so they read as the web app prints them, and codes through the report labels of libs/domain.
 */

const score = (value: number | null | undefined) =>
  value === null || value === undefined ? 'n/a' : value.toFixed(2);

function scoreChange(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'n/a';
  const change = current - previous;
  if (Math.abs(change) < 0.005) return '0.00';
  return `${change > 0 ? '+' : ''}${change.toFixed(2)}`;
}

export function summarySection(w: Writer): void {
  const { content } = w.pack;
  const totals = content.roi.totals;
  const counts = content.kpiCounts;
  table(
    w,
    [
      { header: 'Cost', weight: 1, numeric: true },
      { header: 'Value', weight: 1, numeric: true },
      { header: 'Risk-adjusted value', weight: 1, numeric: true },
      { header: 'Net return', weight: 1, numeric: true },
      { header: 'ROI', weight: 0.8, numeric: true },
      { header: 'Risk-adjusted ROI', weight: 0.8, numeric: true },
    ],
    [moneyCells(w, totals)],
  );
  paragraph(
    w.doc,
    `ROI to date from ${w.day(content.roi.from)} to ${w.day(content.roi.to)}. KPIs: ${counts.onTrack} on track, ` +
      `${counts.atRisk} at risk, ${counts.offTrack} off track, ${counts.noData} without data. ` +
      `Milestones: ${content.milestones.delivered.length} delivered, ${content.milestones.missed.length} missed.`,
    { colour: COLOUR.muted, size: 9 },
  );
  w.doc.moveDown(0.6);
  paragraphs(w, w.pack.commentary.summary, 'No summary has been written.');
}

export function roadmapSection(w: Writer): void {
  table(
    w,
    [
      { header: 'Step', weight: 2.2 },
      { header: 'Status', weight: 1.2 },
      { header: 'Owner', weight: 1.8 },
      { header: 'Signed off', weight: 1.8 },
    ],
    w.pack.content.roadmap.map((step) => [
      `${step.number}. ${step.name}`,
      reportLabel(STEP_STATUS_LABELS, step.status),
      step.ownerName ?? '—',
      step.signedOffAt ? w.instant(step.signedOffAt) : '—',
    ]),
    { empty: 'The cycle has no roadmap.' },
  );
}

export function maturitySection(w: Writer): void {
  const maturity = w.pack.content.maturity;
  if (!maturity) {
    paragraph(w.doc, 'No maturity assessment has been scored in this cycle.', {
      colour: COLOUR.muted,
    });
    return;
  }
  const stage =
    maturity.stage === null ? 'not reached' : `${maturity.stage} (${maturity.stageName ?? '—'})`;
  const previous =
    maturity.previousStage === null
      ? ''
      : `; previously stage ${maturity.previousStage} in ${maturity.previousCycleName ?? 'the previous cycle'}`;
  paragraph(w.doc, `${maturity.title}. Stage ${stage}${previous}.`);
  paragraph(
    w.doc,
    `Overall score ${score(maturity.overallScore)} against ${score(maturity.previousOverallScore)} before ` +
      `(change ${scoreChange(maturity.overallScore, maturity.previousOverallScore)}).`,
  );
  w.doc.moveDown(0.5);
  table(
    w,
    [
      { header: 'Dimension', weight: 3 },
      { header: 'Score', weight: 1, numeric: true },
      { header: 'Previous', weight: 1, numeric: true },
      { header: 'Change', weight: 1, numeric: true },
    ],
    maturity.dimensions.map((dimension) => [
      dimension.dimension,
      score(dimension.score),
      score(dimension.previousScore),
      scoreChange(dimension.score, dimension.previousScore),
    ]),
    { empty: 'No dimensions were scored.' },
  );
  subheading(w.doc, 'Findings');
  if (maturity.findings.length === 0) {
    paragraph(w.doc, 'No findings were recorded.', { colour: COLOUR.muted });
  }
  bullets(w.doc, maturity.findings);
}

function whoAnswers(kpi: ReportKpiDto): string {
  if (kpi.miss === 'unplanned') return 'No initiative serves its objective';
  return kpi.answerable.map((person) => person.name).join(', ') || '—';
}

export function kpiSection(w: Writer): void {
  const { kpis, misses } = w.pack.content;
  paragraph(
    w.doc,
    `Who answers for a KPI at risk or off track: execution (a milestone due was not carried out as agreed) ` +
      `${misses.execution}, strategy (the plan was carried out and the KPI still lags) ${misses.strategy}, ` +
      `unplanned (no initiative serves it) ${misses.unplanned}.`,
    { colour: COLOUR.muted, size: 9 },
  );
  w.doc.moveDown(0.4);
  table(
    w,
    [
      { header: 'Code', weight: 0.6 },
      { header: 'Name', weight: 2.2 },
      { header: 'Status', weight: 0.9 },
      { header: 'Progress', weight: 0.95, numeric: true },
      { header: 'Expected', weight: 0.95, numeric: true },
      { header: 'Current', weight: 1, numeric: true },
      { header: 'Target', weight: 1, numeric: true },
      { header: 'Miss', weight: 0.9 },
      { header: 'Who answers', weight: 1.7 },
    ],
    kpis.map((kpi) => [
      kpi.code,
      kpi.unit ? `${kpi.name} (${kpi.unit})` : kpi.name,
      reportLabel(KPI_STATUS_LABELS, kpi.status),
      percentWhole(kpi.progress),
      percentWhole(kpi.expected),
      w.number(kpi.current),
      w.number(kpi.target),
      kpi.miss === null ? '—' : reportLabel(MISS_ATTRIBUTION_LABELS, kpi.miss),
      whoAnswers(kpi),
    ]),
    { empty: 'The cycle has no KPIs.' },
  );
  const late = kpis.flatMap((kpi) =>
    kpi.lateMilestones.map(
      (milestone) =>
        `${kpi.code}: ${milestone.title} (${milestone.initiativeCode}, due ${w.day(milestone.dueDate)}, ` +
        `${reportLabel(MILESTONE_STATUS_LABELS, milestone.status).toLowerCase()}` +
        `${milestone.doneOn ? ` on ${w.day(milestone.doneOn)}` : ''})`,
    ),
  );
  if (late.length > 0) {
    subheading(w.doc, 'Milestones behind the execution misses');
    bullets(w.doc, late);
  }
}

export function milestoneSection(w: Writer): void {
  const milestones = w.pack.content.milestones;
  const counts = milestones.byStatus;
  table(
    w,
    [
      ...MILESTONE_STATUSES.map((status) => ({
        header: MILESTONE_STATUS_LABELS[status],
        weight: 1,
        numeric: true,
      })),
      { header: 'Overdue', weight: 1, numeric: true },
    ],
    [[...MILESTONE_STATUSES.map((status) => counts[status]), milestones.overdue].map(String)],
  );
  subheading(w.doc, `Delivered (${milestones.delivered.length})`);
  deliveredMilestones(w);
  subheading(w.doc, `Missed (${milestones.missed.length})`);
  missedMilestones(w);
}

function deliveredMilestones(w: Writer): void {
  table(
    w,
    [
      { header: 'Milestone', weight: 3 },
      { header: 'Initiative', weight: 0.9 },
      { header: 'Due', weight: 1.1 },
      { header: 'Done', weight: 1.1 },
    ],
    w.pack.content.milestones.delivered.map((m) => [
      m.title,
      m.initiativeCode,
      w.day(m.dueDate),
      w.day(m.doneOn),
    ]),
    { empty: 'No milestone was delivered in the period.' },
  );
}

/** The missed milestones, counted by cause first, then one row each with its cause and note. */
function missedMilestones(w: Writer): void {
  const milestones = w.pack.content.milestones;
  const causes = Object.entries(milestones.missCategories)
    .filter(([, count]) => count > 0)
    .map(([category, count]) => `${reportLabel(MISS_CATEGORY_LABELS, category)} ${count}`);
  if (causes.length > 0) paragraph(w.doc, `By cause: ${causes.join(', ')}.`, { size: 9 });
  table(
    w,
    [
      { header: 'Milestone', weight: 2.4 },
      { header: 'Initiative', weight: 0.9 },
      { header: 'Due', weight: 1.1 },
      { header: 'Cause', weight: 1.2 },
      { header: 'Note', weight: 2.6 },
    ],
    milestones.missed.map((m) => [
      m.title,
      m.initiativeCode,
      w.day(m.dueDate),
      reportLabel(MISS_CATEGORY_LABELS, m.missCategory),
      m.missNote ?? '—',
    ]),
    { empty: 'No milestone was missed in the period.' },
  );
}

export function experimentSection(w: Writer): void {
  const experiments = w.pack.content.experiments;
  if (experiments.length === 0) {
    paragraph(w.doc, 'No experiment was decided in the cycle.', { colour: COLOUR.muted });
  }
  for (const experiment of experiments) {
    const decided = experiment.decisionDate ? `, decided ${w.day(experiment.decisionDate)}` : '';
    subheading(
      w.doc,
      `${experiment.code} ${experiment.name}: ${reportLabel(EXPERIMENT_OUTCOME_LABELS, experiment.outcome)}${decided}`,
    );
    paragraph(w.doc, `Hypothesis: ${experiment.hypothesis ?? 'not recorded'}`);
    paragraph(w.doc, `Lessons: ${experiment.lessons ?? 'none recorded yet'}`);
  }
}

export function decisionsSection(w: Writer): void {
  paragraphs(w, w.pack.commentary.decisions, 'No decisions are requested of the board.');
}
