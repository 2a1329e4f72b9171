import { formatMonth } from '@roi/domain';
import type { Timeline, TimelineMilestone } from './execution.queries';

const DAY_MS = 86_400_000;
const dayOf = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS;
};

export const LABEL_WIDTH = 270;
export const CHART_WIDTH = 680;
export const WIDTH = LABEL_WIDTH + CHART_WIDTH + 16;
export const AXIS_HEIGHT = 34;
// An initiative's row holds its name, who is accountable and who is responsible, a line each.
export const INITIATIVE_ROW = 54;
export const MILESTONE_ROW = 24;
export const DIAMOND = 6;

export interface Row {
  kind: 'initiative' | 'milestone';
  y: number;
  height: number;
}

/**
 * Where everything sits on the timeline: rows top to bottom (an initiative, then its milestones),
 * each milestone's point on its due date, a tick on the first of every month (labelled on every
 * month, or every few on a long range) and the line for today. Dates outside the range are
 * drawn at its edge.
 */
export function timelineLayout(timeline: Timeline) {
  const start = dayOf(timeline.from);
  const end = Math.max(dayOf(timeline.to), start + 1);
  const x = (date: string) =>
    LABEL_WIDTH +
    ((Math.min(Math.max(dayOf(date), start), end) - start) / (end - start)) * CHART_WIDTH;

  // Rows, top to bottom: an initiative, then its milestones.
  const bands: Row[] = [];
  const milestoneRows: (Row & { milestone: TimelineMilestone })[] = [];
  let y = AXIS_HEIGHT;
  for (const initiative of timeline.initiatives) {
    bands.push({ kind: 'initiative', y, height: INITIATIVE_ROW });
    y += INITIATIVE_ROW;
    for (const milestone of initiative.milestones) {
      milestoneRows.push({ kind: 'milestone', y, height: MILESTONE_ROW, milestone });
      y += MILESTONE_ROW;
    }
  }
  const height = y + 8;
  const position = new Map(
    milestoneRows.map((row) => [
      row.milestone.id,
      { x: x(row.milestone.dueDate), y: row.y + row.height / 2, milestone: row.milestone },
    ]),
  );

  const months: { day: number; label: string }[] = [];
  const first = new Date(start * DAY_MS);
  for (let offset = 0; ; offset++) {
    const day = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + offset, 1) / DAY_MS;
    if (day > end) break;
    if (day >= start) {
      months.push({
        day,
        // "Sep 2026", never "Sept 26", which reads like a day.
        label: formatMonth(new Date(day * DAY_MS).toISOString().slice(0, 10)),
      });
    }
  }
  const everyMonth = Math.max(1, Math.ceil(months.length / 12));
  const today = dayOf(timeline.asOf);
  const todayX = LABEL_WIDTH + ((today - start) / (end - start)) * CHART_WIDTH;

  const ticks = months.map((month) => ({
    ...month,
    x: LABEL_WIDTH + ((month.day - start) / (end - start)) * CHART_WIDTH,
  }));
  const todayInRange = today >= start && today <= end;
  return {
    x,
    bands,
    milestoneRows,
    height,
    position,
    months: ticks,
    everyMonth,
    todayX,
    todayInRange,
  };
}
