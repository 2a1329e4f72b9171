import { KPI_STATUSES } from './kpi-status';
import { EXPERIMENT_OUTCOMES, MILESTONE_STATUSES, MISS_CATEGORIES } from './milestones';
import { MISS_ATTRIBUTIONS } from './miss-attribution';
import {
  EXPERIMENT_OUTCOME_LABELS,
  KPI_STATUS_LABELS,
  MILESTONE_STATUS_LABELS,
  MISS_ATTRIBUTION_LABELS,
  MISS_CATEGORY_LABELS,
  reportLabel,
  STEP_STATUS_LABELS,
} from './report-labels';
import { STEP_STATUSES } from './strategy-steps';

describe('report labels', () => {
  it.each([
    ['KPI status', KPI_STATUSES, KPI_STATUS_LABELS],
    ['miss attribution', MISS_ATTRIBUTIONS, MISS_ATTRIBUTION_LABELS],
    ['step status', STEP_STATUSES, STEP_STATUS_LABELS],
    ['milestone status', MILESTONE_STATUSES, MILESTONE_STATUS_LABELS],
    ['miss category', MISS_CATEGORIES, MISS_CATEGORY_LABELS],
    ['experiment outcome', EXPERIMENT_OUTCOMES, EXPERIMENT_OUTCOME_LABELS],
  ] as [string, readonly string[], Record<string, string>][])(
    'labels every %s, and nothing else',
    (_kind, codes, labels) => {
      for (const code of codes) expect(labels[code]?.trim()).toBeTruthy();
      expect(Object.keys(labels)).toEqual([...codes]);
    },
  );

  it('prints a dash without a code and the code itself when it has no label', () => {
    expect(reportLabel(KPI_STATUS_LABELS, 'at_risk')).toBe('At risk');
    expect(reportLabel(MISS_ATTRIBUTION_LABELS, null)).toBe('—');
    expect(reportLabel(MISS_ATTRIBUTION_LABELS, undefined)).toBe('—');
    expect(reportLabel(EXPERIMENT_OUTCOME_LABELS, 'postponed')).toBe('postponed');
  });
});
