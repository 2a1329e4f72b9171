import { render, screen, within } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { BoardPackSections } from './BoardPackSections';
import { makePack } from './BoardPackTestData';

/** The sections need no organisation: the shared page renders them without one. */
function renderSections(pack = makePack()) {
  return render(
    <MantineProvider>
      <MemoryRouter>
        <BoardPackSections content={pack.content} commentary={pack.commentary} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

describe('BoardPackSections', () => {
  it('shows the sections in the order the board reads them', () => {
    renderSections();
    const headings = screen
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent)
      .filter((text) => /^\d\. /.test(text ?? ''));
    expect(headings).toEqual([
      '1. Executive summary',
      '2. Roadmap status',
      '3. Maturity and assessment highlights',
      '4. KPIs against targets',
      '5. Return on investment to date',
      '6. Milestones delivered and missed',
      '7. Experiments and lessons',
      '8. Decisions requested of the board',
    ]);
  });

  it('prints n/a for an ROI the API leaves undefined, and money in the pack currency', () => {
    const pack = makePack();
    pack.content.roi.totals = { ...pack.content.roi.totals, roi: null, riskAdjustedRoi: null };
    renderSections(pack);
    const totals = screen.getByRole('region', { name: 'ROI to date' });
    const figure = (label: string) =>
      totals.querySelector(`[data-figure="${label}"]`)?.lastChild?.textContent;
    expect(figure('ROI')).toBe('n/a');
    expect(figure('Risk-adjusted ROI')).toBe('n/a');
    expect(figure('Cost')).toBe('£11,368.27');

    const payback = screen.getByRole('table', { name: 'Payback by initiative' });
    const podcast = within(payback)
      .getAllByRole('row')
      .find((row) => row.textContent?.includes('G-PODCAST')) as HTMLElement;
    expect(
      within(podcast)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Experiment: a fortnightly podcast hosted by member booksellersG-PODCAST',
      'n/a',
      'Not yet',
    ]);
  });

  it('names why each missed milestone was missed by its category', () => {
    renderSections();
    const missed = screen.getByRole('table', { name: 'Milestones missed' });
    const rows = within(missed).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[3]?.textContent)).toEqual([
      'ResourcesOne volunteer organiser came forward, and the budget did not stretch to venues.',
      'DependencyThe inbox vendor does not support Instagram business accounts yet.',
      'Scope changeCut from the experiment: audio only until the kill criteria are judged.',
    ]);
  });

  it('says when nothing was written rather than leaving a section empty', () => {
    renderSections(makePack({ commentary: { summary: '  ', decisions: '' } }));
    expect(screen.getByText('No summary was written.')).toBeVisible();
    expect(screen.getByText('No decision is requested.')).toBeVisible();
  });

  it('shows who answers for a KPI that lags, with the milestones behind an execution miss', () => {
    renderSections();
    const kpis = screen.getByRole('table', { name: 'KPIs against targets' });
    const circle = kpis.querySelector('tr[data-kpi="G-CIRCLE"]') as HTMLElement;
    expect(within(circle).getByText('Execution')).toBeVisible();
    expect(within(circle).getByText('Owen Hughes, Programme Manager')).toBeVisible();
    expect(within(circle).getByText('Regional meet-ups in four cities')).toBeVisible();
  });
});
