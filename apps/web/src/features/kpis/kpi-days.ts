/** A KPI's dates as whole days since 1970 (UTC), the chart's x axis, and back. */
const DAY_MS = 86_400_000;

export const dayOf = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS;
};

export const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The first day of every month between two days, or of every few months so that there are at
 * most `most` of them.
 */
export function monthTicks(from: number, to: number, most = 10): number[] {
  const start = new Date(from * DAY_MS);
  const months =
    (new Date(to * DAY_MS).getUTCFullYear() - start.getUTCFullYear()) * 12 +
    new Date(to * DAY_MS).getUTCMonth() -
    start.getUTCMonth();
  const every = Math.max(1, Math.ceil(months / most));
  const ticks: number[] = [];
  for (let offset = 1; offset <= months; offset += every) {
    ticks.push(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + offset, 1) / DAY_MS);
  }
  return ticks;
}
