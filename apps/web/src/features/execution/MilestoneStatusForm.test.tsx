import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { renderInOrganisation } from '../../test/render';
import type { Milestone } from './execution.queries';
import { MilestoneStatusForm } from './MilestoneStatusForm';

const milestone = {
  id: '22222222-2222-4222-8222-222222222222',
  initiativeCode: 'G-PODCAST',
  title: 'A video version of every episode',
  status: 'in_progress',
  doneOn: null,
  missReason: null,
  missCategory: null,
  missNote: null,
  version: 3,
} as Milestone;

/** The members list for the form's names, and `patch` for the change it sends. */
function answering(patch: () => Response) {
  fetchMock.mockImplementation(async (input) =>
    (input as Request).method === 'PATCH' ? patch() : apiAnswer(200, []),
  );
}

const patches = () =>
  fetchMock.mock.calls
    .map(([input]) => input as Request)
    .filter((request) => request.method === 'PATCH');

async function choose(label: RegExp, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  // The dropdown is still in its opening transition (display: none) in jsdom.
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

describe('MilestoneStatusForm', () => {
  beforeEach(() => {
    answering(() => apiAnswer(200, { ...milestone, version: 4 }));
  });

  it('asks what a missed milestone was missed for before sending anything', async () => {
    renderInOrganisation(<MilestoneStatusForm milestone={milestone} />);

    await choose(/^Status/, 'Missed');
    await userEvent.type(screen.getByRole('textbox', { name: 'What happened' }), 'Cut');
    await userEvent.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('Choose what it was missed for')).toBeInTheDocument();
    expect(patches()).toEqual([]);
  });

  it('sends the category and the note, and not the older reason', async () => {
    renderInOrganisation(<MilestoneStatusForm milestone={milestone} />);

    await choose(/^Status/, 'Missed');
    await choose(/^Category/, 'Scope change');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'What happened' }),
      ' Audio only for now ',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save status' }));

    await vi.waitFor(() => expect(patches()).toHaveLength(1));
    const request = patches()[0] as Request;
    expect(request.url).toMatch(/\/milestones\/22222222-2222-4222-8222-222222222222$/);
    expect(await request.json()).toEqual({
      version: 3,
      status: 'missed',
      missCategory: 'scope_change',
      missNote: 'Audio only for now',
    });
  });

  it('shows the API refusing the category beside the field', async () => {
    answering(() =>
      apiAnswer(400, {
        type: '/problems/validation',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'missCategory', reason: 'must be one of resources, dependency' }],
      }),
    );
    renderInOrganisation(<MilestoneStatusForm milestone={milestone} />);

    await choose(/^Status/, 'Missed');
    await choose(/^Category/, 'Resources');
    await userEvent.type(screen.getByRole('textbox', { name: 'What happened' }), 'No one free');
    await userEvent.click(screen.getByRole('button', { name: 'Save status' }));

    expect(await screen.findByText('Must be one of resources, dependency')).toBeInTheDocument();
  });
});
