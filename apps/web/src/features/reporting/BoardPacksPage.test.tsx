import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@roi/domain';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import type { BoardPackSummary } from './board-packs.queries';
import { BoardPacksPage, clampIntoCycle } from './BoardPacksPage';
import { makePack, publishedPack, summaryOf } from './BoardPackTestData';

const base = `/api/v1/organisations/${ORGANISATION_ID}`;
const cycles = [
  {
    id: 'ad1e4aa0-cf83-425d-a5ce-711792be49c3',
    name: 'FY2027 social strategy',
    startsOn: '2026-07-05',
    endsOn: '2027-08-04',
    previousCycleId: null,
    version: 1,
  },
];

/** The API as the list reads it; a POST of a pack answers `created`. */
function answer(packs: BoardPackSummary[], created: () => Response = () => apiAnswer(500, {})) {
  const asked: { method: string; path: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    const text = await request.text();
    asked.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined });
    if (path === `${base}/board-packs`)
      return request.method === 'POST' ? created() : apiAnswer(200, packs);
    if (path === `${base}/cycles`) return apiAnswer(200, cycles);
    if (path === base) return apiAnswer(200, { id: ORGANISATION_ID, timeZone: 'Europe/London' });
    return apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  return asked;
}

const renderAs = (role: Role) => renderInOrganisation(<BoardPacksPage />, { role });

describe('clampIntoCycle', () => {
  const cycle = { startsOn: '2026-07-05', endsOn: '2027-08-04' };
  it('keeps a day within the cycle and moves one outside it to the nearer end', () => {
    expect(clampIntoCycle('2026-12-02', cycle)).toBe('2026-12-02');
    expect(clampIntoCycle('2026-01-10', cycle)).toBe('2026-07-05');
    expect(clampIntoCycle('2028-01-10', cycle)).toBe('2027-08-04');
  });
});

describe('BoardPacksPage', () => {
  it('lists the packs with Draft and Published, when and by whom', async () => {
    answer([
      summaryOf(publishedPack({ title: 'Board review, December 2026' })),
      summaryOf(makePack({ id: 'b2f6a2f0-3c1d-4f5e-9a7b-1c2d3e4f5a6b', title: 'Next review' })),
    ]);
    renderAs('owner');
    const table = await screen.findByRole('table', { name: 'Board packs' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Board review, December 2026');
    expect(rows[0]).toHaveTextContent('Published2 Dec 2026 by Maeve Lonergan, Chief Executive');
    expect(rows[1]).toHaveTextContent('DraftStarted 2 Dec 2026 by Maeve Lonergan, Chief Executive');
  });

  it('offers a board member no form to start a pack', async () => {
    answer([summaryOf(publishedPack())]);
    renderAs('board_member');
    await screen.findByRole('table', { name: 'Board packs' });
    expect(screen.queryByRole('form', { name: 'New board pack' })).toBeNull();
  });

  it('starts a pack from the running cycle, and puts a refused field where it belongs', async () => {
    const asked = answer([], () =>
      apiAnswer(400, {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        errors: [{ field: 'asOf', reason: "must be on or before the cycle's end date 2027-08-04" }],
      }),
    );
    renderAs('executive');
    const form = await screen.findByRole('form', { name: 'New board pack' });
    expect(await within(form).findByDisplayValue('FY2027 social strategy')).toBeVisible();
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Board review');
    await userEvent.click(within(form).getByRole('button', { name: 'Start draft' }));

    expect(
      await within(form).findByText("Must be on or before the cycle's end date 2027-08-04"),
    ).toBeVisible();
    const post = asked.find((call) => call.method === 'POST');
    expect(post?.body).toMatchObject({ cycleId: cycles[0]?.id, title: 'Board review' });
  });

  it('refuses a date outside the cycle before asking the API', async () => {
    const asked = answer([]);
    renderAs('owner');
    const form = await screen.findByRole('form', { name: 'New board pack' });
    await within(form).findByDisplayValue('FY2027 social strategy');
    await userEvent.type(within(form).getByRole('textbox', { name: 'Title' }), 'Too late');
    const asOf = within(form).getByLabelText('As of');
    await userEvent.clear(asOf);
    await userEvent.type(asOf, '2028-01-01');
    await userEvent.click(within(form).getByRole('button', { name: 'Start draft' }));
    expect(
      await within(form).findByText(
        "The date must be on or before the cycle's end date 2027-08-04",
      ),
    ).toBeVisible();
    expect(asked.some((call) => call.method === 'POST')).toBe(false);
  });

  it('says so when no pack is published yet', async () => {
    answer([]);
    renderAs('board_member');
    expect(await screen.findByText('No pack has been published yet')).toBeVisible();
  });
});
