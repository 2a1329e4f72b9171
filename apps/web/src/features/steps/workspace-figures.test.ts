import { describe, expect, it } from 'vitest';
import { budgetTotal, recentlyCheckedIn } from './workspace-figures';

describe('budgetTotal', () => {
  it('adds the budgets exactly, as decimals', () => {
    expect(budgetTotal([{ budget: '0.10' }, { budget: '0.20' }, { budget: '12000.05' }])).toBe(
      '12000.35',
    );
    expect(budgetTotal([])).toBe('0');
  });
});

describe('recentlyCheckedIn', () => {
  const milestone = (id: string, date: string | null, createdAt = `${date}T09:00:00Z`) => ({
    id,
    lastCheckIn: date ? { date, createdAt } : null,
  });

  it('lists the milestones with the newest check-ins first, and none without one', () => {
    const list = [
      milestone('a', '2026-08-01'),
      milestone('b', null),
      milestone('c', '2026-08-20'),
      milestone('d', '2026-08-20', '2026-08-20T08:00:00Z'),
    ];
    expect(recentlyCheckedIn(list).map((each) => each.id)).toEqual(['c', 'd', 'a']);
    expect(recentlyCheckedIn(list, 1).map((each) => each.id)).toEqual(['c']);
  });
});
