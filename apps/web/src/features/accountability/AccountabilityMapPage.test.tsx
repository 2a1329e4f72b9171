import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import type { AccountabilityMap, MappedInitiative, MappedPerson } from './accountability.queries';
import { gapsByInitiative, rolesOn } from './accountability-cells';
import { AccountabilityMapPage } from './AccountabilityMapPage';

const MAEVE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const LENA = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const PRIYA = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const GONE = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const INBOX = '11111111-0000-4000-8000-000000000001';
const CIRCLE = '11111111-0000-4000-8000-000000000002';

const load = (initiatives: number, openMilestones: number, budget: string) => ({
  initiatives,
  openMilestones,
  budget,
});

const MAP: AccountabilityMap = {
  currency: 'GBP',
  people: [
    {
      userId: MAEVE,
      name: 'Maeve Lonergan',
      role: 'owner',
      external: false,
      accountableFor: [INBOX],
      responsibleFor: [INBOX],
      load: load(1, 2, '6400.00'),
    },
    {
      userId: LENA,
      name: 'Lena Fischer',
      role: 'contributor',
      external: false,
      accountableFor: [],
      responsibleFor: [],
      load: load(0, 0, '0.00'),
    },
    {
      userId: PRIYA,
      name: 'Priya Raman',
      role: 'consultant',
      external: true,
      accountableFor: [CIRCLE],
      responsibleFor: [],
      load: load(1, 1, '18250.00'),
    },
    {
      userId: GONE,
      name: 'Owen Hughes',
      role: null,
      external: false,
      accountableFor: [],
      responsibleFor: [CIRCLE],
      load: load(1, 1, '18250.00'),
    },
  ],
  initiatives: [
    {
      id: INBOX,
      code: 'G-INBOX',
      name: 'One shared social inbox',
      accountableUserId: MAEVE,
      responsibleUserId: MAEVE,
      budget: '6400.00',
      openMilestones: 2,
      version: 3,
    },
    {
      id: CIRCLE,
      code: 'G-CIRCLE',
      name: 'Booksellers’ Circle',
      accountableUserId: PRIYA,
      responsibleUserId: GONE,
      budget: '18250.00',
      openMilestones: 1,
      version: 1,
    },
  ],
  gaps: [
    {
      kind: 'nobody_responsible',
      initiativeId: CIRCLE,
      userId: GONE,
      message: 'G-CIRCLE Booksellers’ Circle has nobody responsible for execution.',
    },
    {
      kind: 'consultant_accountable',
      initiativeId: CIRCLE,
      userId: PRIYA,
      message: 'G-CIRCLE Booksellers’ Circle has an outside consultant accountable.',
    },
  ],
};

const ORGANISATION = {
  id: ORGANISATION_ID,
  name: 'Guild of Independent Booksellers',
  currency: 'GBP',
  locale: 'en-GB',
};

/** Answers the map and the organisation; records every change sent. */
function serve(answers: { patch?: () => Response } = {}) {
  const patches: unknown[] = [];
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    if (request.method === 'PATCH') {
      patches.push(await request.json());
      return answers.patch?.() ?? apiAnswer(200, {});
    }
    if (request.url.endsWith('/accountability-map')) return apiAnswer(200, MAP);
    if (request.url.endsWith(`/organisations/${ORGANISATION_ID}`)) {
      return apiAnswer(200, ORGANISATION);
    }
    return apiAnswer(404, { title: 'Not found', status: 404 });
  });
  return patches;
}

/** Picks a person in the dialog's select; its dropdown is still in its opening transition in jsdom. */
async function choose(dialog: HTMLElement, option: string, label = /Responsible \(execution\)/) {
  await userEvent.click(within(dialog).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
}

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('the accountability map’s cells and gaps', () => {
  it('reads each role on an initiative, accountable first, and sorts gaps by initiative', () => {
    const [maeve, lena] = MAP.people as [MappedPerson, MappedPerson];
    const [inbox] = MAP.initiatives as [MappedInitiative];
    expect(rolesOn(maeve, inbox)).toEqual(['accountable', 'responsible']);
    expect(rolesOn(lena, inbox)).toEqual([]);
    const both = { kind: 'both_roles_on_many' as const, userId: MAEVE, message: 'Maeve…' };
    const sorted = gapsByInitiative([...MAP.gaps, both]);
    expect(sorted.onInitiative.get(CIRCLE)?.map((gap) => gap.kind)).toEqual([
      'nobody_responsible',
      'consultant_accountable',
    ]);
    expect(sorted.onPeople).toEqual([both]);
  });

  it('writes the roles as words in the grid, with each person’s load', async () => {
    serve();
    renderInOrganisation(<AccountabilityMapPage />, { role: 'board_member' });

    const grid = await screen.findByRole('table', {
      name: 'Accountability map: people by initiatives',
    });
    const [, maeve, lena, priya, owen] = within(grid).getAllByRole('row') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    expect(within(maeve).getByRole('rowheader')).toHaveTextContent('Maeve LonerganOwner');
    expect(cellTexts(maeve)).toEqual(['AccountableResponsible', '', '1', '2', '£6,400.00']);
    expect(cellTexts(lena)).toEqual(['', '', '0', '0', '£0.00']);
    expect(within(priya).getByRole('rowheader')).toHaveTextContent('Consultant (external)');
    expect(cellTexts(priya)).toEqual(['', 'Accountable', '1', '1', '£18,250.00']);
    expect(within(owen).getByRole('rowheader')).toHaveTextContent('No longer a member');
    expect(within(grid).getByRole('columnheader', { name: /G-CIRCLE/ })).toHaveTextContent(
      '2 gaps',
    );
  });

  it('lists the gaps at the top with their messages', async () => {
    serve();
    renderInOrganisation(<AccountabilityMapPage />, { role: 'board_member' });

    const gaps = await screen.findByRole('list', { name: 'Gaps' });
    expect(
      within(gaps)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Nobody responsible: G-CIRCLE Booksellers’ Circle has nobody responsible for execution.',
      'Consultant accountable: G-CIRCLE Booksellers’ Circle has an outside consultant accountable.',
    ]);
    expect(screen.getByText('2 gaps in who answers for what')).toBeVisible();
  });

  it('offers no change to a reader', async () => {
    serve();
    renderInOrganisation(<AccountabilityMapPage />, { role: 'board_member' });

    await screen.findByRole('table', { name: 'Accountability map: people by initiatives' });
    expect(screen.queryByRole('button', { name: /Change/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print' })).toBeVisible();
  });

  it('names another member responsible through the initiative, with the version it showed', async () => {
    const patches = serve({
      patch: () => apiAnswer(200, { ...MAP.initiatives[1], responsibleUserId: LENA, version: 2 }),
    });
    renderInOrganisation(<AccountabilityMapPage />, { role: 'owner' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Responsible for G-CIRCLE: Owen Hughes. Change' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Responsible for G-CIRCLE' });
    await choose(dialog, 'Lena Fischer');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(patches).toEqual([{ version: 1, responsibleUserId: LENA }]));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('sends only the role changed, never the other holder who has left', async () => {
    const patches = serve({
      patch: () => apiAnswer(200, { ...MAP.initiatives[1], accountableUserId: MAEVE, version: 2 }),
    });
    renderInOrganisation(<AccountabilityMapPage />, { role: 'owner' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Accountable for G-CIRCLE: Priya Raman. Change' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Accountable for G-CIRCLE' });
    // Only members are offered: the responsible person who left is not among them.
    await choose(dialog, 'Maeve Lonergan', /Accountable \(strategy\)/);
    expect(screen.queryByRole('option', { name: 'Owen Hughes', hidden: true })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(patches).toEqual([{ version: 1, accountableUserId: MAEVE }]));
  });

  it('opens the comparison when someone else changed the initiative first (409)', async () => {
    serve({
      patch: () =>
        apiAnswer(409, {
          type: 'about:blank',
          title: 'Changed by someone else',
          status: 409,
          current: { ...MAP.initiatives[0], responsibleUserId: LENA, version: 4 },
        }),
    });
    renderInOrganisation(<AccountabilityMapPage />, { role: 'owner' });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Change who is responsible for G-INBOX' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Responsible for G-INBOX' });
    await choose(dialog, 'Priya Raman (external)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const table = await screen.findByRole('table', { name: 'Their version and yours' });
    const responsible = within(table).getByRole('row', { name: /Responsible \(execution\)/ });
    expect(responsible).toHaveTextContent('Lena Fischer');
    expect(responsible).toHaveTextContent('Priya Raman (external)');
  });
});
