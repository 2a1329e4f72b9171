import { exactDecimal, toDecimalString } from '@roi/domain';

/** The plan's budget: the initiatives' budgets (exact decimal strings) added exactly. */
export function budgetTotal(initiatives: readonly { budget: string }[]): string {
  return toDecimalString(
    initiatives.reduce(
      (sum, initiative) => sum.add(exactDecimal(initiative.budget)),
      exactDecimal(0),
    ),
  );
}

interface CheckedIn {
  lastCheckIn: { date: string; createdAt: string } | null;
}

/** The milestones whose latest check-ins are the newest, newest first. */
export function recentlyCheckedIn<T extends CheckedIn>(
  milestones: readonly T[],
  count = 6,
): (T & { lastCheckIn: NonNullable<T['lastCheckIn']> })[] {
  return milestones
    .filter((milestone): milestone is T & { lastCheckIn: NonNullable<T['lastCheckIn']> } =>
      Boolean(milestone.lastCheckIn),
    )
    .sort(
      (a, b) =>
        b.lastCheckIn.date.localeCompare(a.lastCheckIn.date) ||
        b.lastCheckIn.createdAt.localeCompare(a.lastCheckIn.createdAt),
    )
    .slice(0, count);
}
