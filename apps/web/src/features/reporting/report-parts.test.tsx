import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderInOrganisation } from '../../test/render';
import { KpiTable, MissSplit, missSplitSentence, RoadmapStrip } from './report-parts';
import type { ReportKpi, RoadmapStep } from './reporting.queries';

const circle: ReportKpi = {
  kpiId: 'f990b73e-908d-45fc-ac57-a1f94e8c94a7',
  code: 'G-CIRCLE',
  name: 'Members active in the Booksellers’ Circle group',
  unit: 'members',
  status: 'at_risk',
  progress: 0.11627906976744186,
  expected: 0.3287671232876712,
  current: 110,
  baseline: 85,
  target: 300,
  targetDate: '2027-08-04',
  miss: 'execution',
  lateMilestones: [
    {
      id: '8e8f34a8-d92f-44d3-b347-957fe0ad99a7',
      title: 'Regional meet-ups in four cities',
      initiativeCode: 'G-CIRCLE',
      dueDate: '2026-10-23',
      status: 'missed',
      doneOn: null,
    },
    {
      id: '7a6202bd-f65d-4929-9a2e-0ed80f4dd2ab',
      title: 'Private group opened to all 640 member shops',
      initiativeCode: 'G-CIRCLE',
      dueDate: '2026-11-12',
      status: 'done',
      doneOn: '2026-11-14',
    },
  ],
  answerable: [{ userId: '2c95bb0b-a418-49de-b113-d5053d1cff8c', name: 'Owen Hughes' }],
};

const press: ReportKpi = {
  ...circle,
  kpiId: 'c184a1bd-1695-4ce9-8681-3e670e113981',
  code: 'G-PRESS',
  name: 'Press and podcast mentions a quarter',
  unit: 'mentions',
  status: 'no_data',
  progress: null,
  current: null,
  miss: null,
  lateMilestones: [],
  answerable: [],
};

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('KpiTable', () => {
  it('shows an execution miss as its badge with what it means, who answers and the late milestones', () => {
    renderInOrganisation(<KpiTable kpis={[circle]} label="KPIs needing attention" />);
    const table = screen.getByRole('table', { name: 'KPIs needing attention' });
    const [row] = within(table).getAllByRole('row').slice(1);
    const [kpi, status, progress, miss, answers, milestones] = cells(row as HTMLElement);
    expect(kpi).toContain('G-CIRCLE · now 110 members, target 300 by 4 Aug 2027');
    expect(status).toBe('At risk');
    expect(progress).toBe('12% of 33% expected');
    expect(
      within(row as HTMLElement)
        .getByText('Execution')
        .closest('[data-miss]'),
    ).toHaveAttribute('data-miss', 'execution');
    expect(miss).toContain('The plan was not carried out as agreed');
    expect(answers).toBe('Owen Hughes');
    expect(milestones).toContain('Regional meet-ups in four cities');
    expect(milestones).toContain('G-CIRCLE · due 23 Oct 2026 · missed');
    expect(milestones).toContain('due 12 Nov 2026 · done 14 Nov 2026');

    // The same KPI as a card, for a phone (the stylesheet shows one or the other by width).
    const cards = screen.getByRole('list', { name: 'KPIs needing attention' });
    const card = cards.querySelector('li[data-kpi="G-CIRCLE"]') as HTMLElement;
    expect(card).toHaveTextContent('Answers first: Owen Hughes');
    expect(card).toHaveTextContent('Milestones not carried out as agreed');
    expect(within(card).getByText('Execution').closest('[data-miss]')).toBeInTheDocument();
  });

  it('writes n/a for progress without a measurement and a dash where nobody answers', () => {
    renderInOrganisation(<KpiTable kpis={[press]} label="Every KPI" />);
    const [row] = within(screen.getByRole('table', { name: 'Every KPI' }))
      .getAllByRole('row')
      .slice(1);
    const [kpi, status, progress, miss, answers, milestones] = cells(row as HTMLElement);
    expect(kpi).toContain('now no measurement');
    expect(status).toBe('No data');
    expect(progress).toBe('n/a of 33% expected');
    expect([miss, answers, milestones]).toEqual(['—', '—', '—']);
  });

  it('links each KPI to its page when given where', () => {
    renderInOrganisation(
      <KpiTable kpis={[circle]} label="KPIs" kpiHref={(kpi) => `/plan/kpis/${kpi.kpiId}`} />,
    );
    const table = screen.getByRole('table', { name: 'KPIs' });
    expect(within(table).getByRole('link', { name: circle.name })).toHaveAttribute(
      'href',
      `/plan/kpis/${circle.kpiId}`,
    );
  });
});

describe('MissSplit', () => {
  it('says the split in words for the drawing and holds the counts in its table view', async () => {
    const misses = { execution: 2, strategy: 1, unplanned: 0 };
    renderInOrganisation(<MissSplit misses={misses} label="Misses" />);
    expect(
      screen.getByRole('img', {
        name: 'Misses: 3 misses: 2 execution, 1 strategy and 0 unplanned.',
      }),
    ).toBeVisible();
    await userEvent.click(screen.getByRole('tab', { name: 'Table' }));
    const rows = within(screen.getByRole('table', { name: 'Misses' })).getAllByRole('row');
    expect(rows.slice(1).map((row) => cells(row))).toEqual([
      ['Execution', '2'],
      ['Strategy', '1'],
      ['Unplanned', '0'],
    ]);
  });

  it('says there is nothing to attribute when no KPI lags', () => {
    expect(missSplitSentence({ execution: 0, strategy: 0, unplanned: 0 })).toBe(
      '0 execution, 0 strategy and 0 unplanned',
    );
    renderInOrganisation(
      <MissSplit misses={{ execution: 0, strategy: 0, unplanned: 0 }} label="Misses" />,
    );
    expect(screen.getByRole('img', { name: /no misses to attribute/ })).toBeVisible();
  });
});

describe('RoadmapStrip', () => {
  it('lists the six steps in order with their status, and says how many are done', () => {
    const names = ['Assess', 'Envision', 'Plan', 'Organise', 'Execute', 'Measure and adapt'];
    const statuses = ['done', 'done', 'in_progress', 'in_progress', 'not_started', 'not_started'];
    const steps = names.map((name, index): RoadmapStep => ({
      step: name.toLowerCase().split(' ')[0] as string,
      number: index + 1,
      name,
      status: statuses[index] as RoadmapStep['status'],
      ownerName: index === 2 ? 'Tom Achebe' : null,
      signedOffAt: index < 2 ? '2026-08-06T16:30:00.000Z' : null,
    }));
    renderInOrganisation(<RoadmapStrip steps={steps} />);
    const items = screen.getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('p:nth-of-type(2)')?.textContent)).toEqual(names);
    expect(items[0]).toHaveTextContent('DoneSigned off 6 Aug 2026');
    expect(items[2]).toHaveTextContent('In progressOwner: Tom Achebe');
    expect(items[5]).toHaveTextContent('Not startedNo owner yet');
    expect(screen.getByText(/^2 of 6 steps done: Assess done, Envision done/)).toBeInTheDocument();
  });
});
