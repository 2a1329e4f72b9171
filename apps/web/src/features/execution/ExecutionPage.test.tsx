import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import type { Milestone } from './execution.queries';
import { ExecutionPage } from './ExecutionPage';

function makeMilestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: crypto.randomUUID(),
    initiativeId: '33333333-3333-4333-8333-333333333333',
    initiativeCode: 'G-PODCAST',
    initiativeName: 'A fortnightly podcast',
    accountableUserId: 'u1',
    accountableName: 'Ama Mensah',
    responsibleUserId: 'u2',
    responsibleName: 'Rui Costa',
    title: 'Pilot episode recorded',
    ownerUserId: 'u2',
    ownerName: 'Rui Costa',
    dueDate: '2026-04-20',
    status: 'in_progress',
    doneOn: null,
    missReason: null,
    missCategory: null,
    missNote: null,
    dependsOn: [],
    lastCheckIn: null,
    atRisk: false,
    riskReasons: [],
    version: 1,
    ...overrides,
  } as Milestone;
}

const all = [
  makeMilestone({ title: 'Pilot episode recorded' }),
  makeMilestone({ title: 'Guest list agreed', status: 'done' }),
  makeMilestone({
    title: 'Branch survey sent',
    initiativeId: '55555555-5555-4555-8555-555555555555',
    initiativeCode: 'G-SURVEY',
    initiativeName: 'Ask every branch',
    status: 'planned',
  }),
];

function answer(mine: Milestone[]) {
  fetchMock.mockImplementation(async (input) => {
    const url = new URL((input as Request).url);
    if (url.pathname.endsWith('/milestones/views/mine')) return apiAnswer(200, mine);
    if (url.pathname.endsWith('/milestones')) return apiAnswer(200, all);
    return apiAnswer(200, []);
  });
}

describe('ExecutionPage', () => {
  it('opens on all milestones for someone who owns none, as the chief executive does', async () => {
    answer([]);
    renderInOrganisation(<ExecutionPage />, { role: 'owner' });

    expect(
      await screen.findByRole('tab', { name: 'All milestones', selected: true }),
    ).toBeVisible();
    const table = await screen.findByRole('table', { name: 'All milestones' });
    expect(within(table).getByText('Pilot episode recorded')).toBeInTheDocument();
    expect(within(table).getByText('Branch survey sent')).toBeInTheDocument();
    expect(within(table).getAllByText('Accountable: Ama Mensah')).toHaveLength(3);
    expect(screen.getByText('3 milestones')).toBeInTheDocument();
  });

  it('opens on their own milestones for someone who owns some', async () => {
    answer(all.slice(0, 1));
    renderInOrganisation(<ExecutionPage />, { role: 'program_manager' });

    expect(await screen.findByRole('tab', { name: 'My milestones', selected: true })).toBeVisible();
    expect(await screen.findByRole('table', { name: 'My milestones' })).toBeInTheDocument();
  });

  it('narrows all milestones to one status and one initiative', async () => {
    answer([]);
    renderInOrganisation(<ExecutionPage />, { role: 'board_member' });
    const user = userEvent.setup();
    await screen.findByRole('table', { name: 'All milestones' });

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Done', hidden: true }));
    expect(screen.getByText('1 of 3 milestones')).toBeInTheDocument();
    expect(screen.getByText('Guest list agreed')).toBeInTheDocument();
    expect(screen.queryByText('Pilot episode recorded')).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Any status', hidden: true }));
    await user.click(screen.getByRole('combobox', { name: 'Initiative' }));
    await user.click(
      await screen.findByRole('option', { name: 'G-SURVEY Ask every branch', hidden: true }),
    );
    expect(screen.getByText('1 of 3 milestones')).toBeInTheDocument();
    expect(screen.getByText('Branch survey sent')).toBeInTheDocument();
    // A board member reads; the digest is for those who run the plan.
    expect(screen.queryByRole('button', { name: /weekly digest/ })).not.toBeInTheDocument();
  });
});
