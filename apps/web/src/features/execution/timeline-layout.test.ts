import { describe, expect, it } from 'vitest';
import type { Timeline } from './execution.queries';
import {
  AXIS_HEIGHT,
  CHART_WIDTH,
  INITIATIVE_ROW,
  LABEL_WIDTH,
  MILESTONE_ROW,
  timelineLayout,
} from './timeline-layout';

function makeTimeline(overrides: Partial<Timeline> = {}): Timeline {
  return {
    from: '2026-01-01',
    to: '2026-12-31',
    asOf: '2026-07-02',
    initiatives: [
      {
        id: 'i-1',
        code: 'G-INBOX',
        name: 'One shared inbox',
        startsOn: '2026-02-01',
        endsOn: '2026-09-30',
        milestones: [
          { id: 'm-1', dueDate: '2026-03-01', status: 'done', atRisk: false, dependsOn: [] },
          { id: 'm-2', dueDate: '2026-06-01', status: 'planned', atRisk: true, dependsOn: ['m-1'] },
        ],
      },
      {
        id: 'i-2',
        code: 'G-PODCAST',
        name: 'Podcast',
        startsOn: null,
        endsOn: null,
        milestones: [],
      },
    ],
    ...overrides,
  } as unknown as Timeline;
}

describe('timelineLayout', () => {
  it('stacks each initiative above its milestones, one row each', () => {
    const layout = timelineLayout(makeTimeline());
    expect(layout.bands.map((band) => band.y)).toEqual([
      AXIS_HEIGHT,
      AXIS_HEIGHT + INITIATIVE_ROW + 2 * MILESTONE_ROW,
    ]);
    expect(layout.milestoneRows.map((row) => [row.milestone.id, row.y])).toEqual([
      ['m-1', AXIS_HEIGHT + INITIATIVE_ROW],
      ['m-2', AXIS_HEIGHT + INITIATIVE_ROW + MILESTONE_ROW],
    ]);
    expect(layout.height).toBe(AXIS_HEIGHT + 2 * INITIATIVE_ROW + 2 * MILESTONE_ROW + 8);
  });

  it('places dates on the scale and dates outside the range at its edges', () => {
    const layout = timelineLayout(makeTimeline());
    expect(layout.x('2026-01-01')).toBe(LABEL_WIDTH);
    expect(layout.x('2026-12-31')).toBe(LABEL_WIDTH + CHART_WIDTH);
    expect(layout.x('2025-06-01')).toBe(LABEL_WIDTH);
    expect(layout.x('2027-03-01')).toBe(LABEL_WIDTH + CHART_WIDTH);
    expect(layout.position.get('m-2')?.x).toBe(layout.x('2026-06-01'));
  });

  it('ticks the first of every month and draws today only inside the range', () => {
    const layout = timelineLayout(makeTimeline());
    expect(layout.months.map((month) => month.label)).toEqual([
      'Jan 2026',
      'Feb 2026',
      'Mar 2026',
      'Apr 2026',
      'May 2026',
      'Jun 2026',
      'Jul 2026',
      'Aug 2026',
      'Sep 2026',
      'Oct 2026',
      'Nov 2026',
      'Dec 2026',
    ]);
    expect(layout.everyMonth).toBe(1);
    expect(layout.todayInRange).toBe(true);
    expect(timelineLayout(makeTimeline({ asOf: '2027-02-01' })).todayInRange).toBe(false);
  });

  it('labels every few months on a long range', () => {
    const layout = timelineLayout(makeTimeline({ from: '2026-01-01', to: '2028-12-31' }));
    expect(layout.months).toHaveLength(36);
    expect(layout.everyMonth).toBe(3);
  });
});
