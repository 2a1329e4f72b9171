import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@roi/domain';
import { describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import type { Cycle, Step } from '../cycles';
import { StepHeader } from './StepHeader';

const CYCLE_ID = '22222222-2222-4222-8222-222222222222';

function makeStep(overrides: Partial<Step> = {}): Step {
  return {
    id: '33333333-3333-4333-8333-333333333333',
    key: 'organise',
    number: 4,
    name: 'Organise',
    purpose: 'Structure and governance',
    produces: 'accountability map',
    status: 'in_progress',
    ownerUserId: '44444444-4444-4444-8444-444444444444',
    ownerName: 'Owen Hughes',
    plannedStart: '2026-07-05',
    plannedEnd: '2026-11-01',
    progress: 0.5,
    canSignOff: false,
    blockers: ['Exit criterion not met: Every initiative has a responsible person'],
    signedOffAt: null,
    signedOffByName: null,
    reopenReason: null,
    criteria: [
      {
        id: '55555555-5555-4555-8555-555555555551',
        text: 'Accountability map agreed',
        done: true,
        version: 1,
      },
      {
        id: '55555555-5555-4555-8555-555555555552',
        text: 'Every initiative has a responsible person',
        done: false,
        version: 1,
      },
    ],
    version: 2,
    ...overrides,
  };
}

function makeCycle(step: Step): Cycle {
  return {
    id: CYCLE_ID,
    name: 'FY2026 social strategy',
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    previousCycleId: null,
    version: 1,
    steps: [step],
  };
}

function renderHeader(role: Role, step: Step = makeStep()) {
  const onChooseCycle = vi.fn();
  renderInOrganisation(
    <StepHeader
      cycle={makeCycle(step)}
      step={step}
      cycles={[makeCycle(step)]}
      onChooseCycle={onChooseCycle}
    />,
    { role },
  );
  return screen.getByRole('region', { name: 'Step 4 of 6: Organise' });
}

describe('StepHeader', () => {
  it('shows the step of the cycle with its purpose, status, owner and criteria met', () => {
    const header = renderHeader('board_member');
    expect(within(header).getByRole('heading', { name: 'Organise', level: 2 })).toBeVisible();
    expect(within(header).getByText(/Step 4 of 6/)).toBeVisible();
    expect(within(header).getByRole('link', { name: 'FY2026 social strategy' })).toBeVisible();
    expect(within(header).getByText('In progress')).toBeVisible();
    expect(within(header).getByText(/Owner: Owen Hughes/)).toBeVisible();
    expect(within(header).getByText('1 of 2 met')).toBeVisible();
  });

  it('lets an owner tick the criteria and offers the sign-off, pressable once all are met', () => {
    const header = renderHeader('owner');
    for (const box of within(header).getAllByRole('checkbox')) expect(box).toBeEnabled();
    expect(within(header).getByRole('button', { name: 'Sign off' })).toBeDisabled();
    expect(
      within(header).getByText('Exit criterion not met: Every initiative has a responsible person'),
    ).toBeVisible();
  });

  it('enables the sign-off when every criterion is met', () => {
    const header = renderHeader(
      'executive',
      makeStep({ canSignOff: true, blockers: [], progress: 1 }),
    );
    expect(within(header).getByRole('button', { name: 'Sign off' })).toBeEnabled();
    expect(within(header).getByText(/can be signed off/)).toBeVisible();
  });

  it('lets a program manager tick and add criteria but leaves the sign-off to leadership', () => {
    const header = renderHeader('program_manager');
    for (const box of within(header).getAllByRole('checkbox')) expect(box).toBeEnabled();
    expect(within(header).getByLabelText('New exit criterion for Organise')).toBeVisible();
    expect(within(header).queryByRole('button', { name: 'Sign off' })).toBeNull();
    expect(
      within(header).getByText(
        'Signed off by an owner, an executive or a consultant (external) once every exit criterion is met.',
      ),
    ).toBeVisible();
  });

  it('shows a board member the criteria without letting them change anything', () => {
    const header = renderHeader('board_member');
    for (const box of within(header).getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(within(header).queryByLabelText('New exit criterion for Organise')).toBeNull();
    expect(within(header).queryByRole('button')).toBeNull();
  });

  it('freezes a signed-off step and offers its reopening to those who may sign', () => {
    const done = makeStep({
      status: 'done',
      canSignOff: true,
      blockers: [],
      signedOffAt: '2026-09-01T15:30:00Z',
      signedOffByName: 'Maeve Lonergan',
      criteria: makeStep().criteria.map((criterion) => ({ ...criterion, done: true })),
    });
    const header = renderHeader('owner', done);
    expect(within(header).getByText('Signed off')).toBeVisible();
    expect(within(header).getByText(/Signed off by Maeve Lonergan on 1 Sep 2026/)).toBeVisible();
    for (const box of within(header).getAllByRole('checkbox')) expect(box).toBeDisabled();
    expect(within(header).getByRole('button', { name: 'Reopen' })).toBeEnabled();
  });

  it('ticks a criterion through the API with the version it read', async () => {
    const ticked = makeStep({
      progress: 1,
      canSignOff: true,
      blockers: [],
      criteria: makeStep().criteria.map((criterion) => ({ ...criterion, done: true })),
    });
    fetchMock.mockResolvedValue(apiAnswer(200, makeCycle(ticked)));
    const header = renderHeader('owner');
    await userEvent.click(
      within(header).getByRole('checkbox', { name: 'Every initiative has a responsible person' }),
    );
    const request = fetchMock.mock.calls[0]?.[0] as Request;
    expect(request.method).toBe('PATCH');
    expect(new URL(request.url).pathname).toMatch(
      /\/cycles\/22222222-2222-4222-8222-222222222222\/steps\/.+\/criteria\/55555555-5555-4555-8555-555555555552$/,
    );
    expect(await request.json()).toEqual({ done: true, version: 1 });
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
  });
});
