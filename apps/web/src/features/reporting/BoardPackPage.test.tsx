import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@roi/domain';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import type { BoardPack } from './board-packs.queries';
import { BoardPackPage } from './BoardPackPage';
import { makePack, makeShareLink, publishedPack } from './BoardPackTestData';

const packPath = (pack: BoardPack) =>
  `/api/v1/organisations/${ORGANISATION_ID}/board-packs/${pack.id}`;

interface Asked {
  method: string;
  path: string;
  body: unknown;
}

/** The API as the pack page reads it; `answers` by method and path beat the defaults. */
function answer(pack: BoardPack, answers: Record<string, () => Response> = {}) {
  const asked: Asked[] = [];
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    const text = await request.text();
    asked.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined });
    const own = answers[`${request.method} ${path}`];
    if (own) return own();
    if (request.method === 'GET' && path === packPath(pack)) return apiAnswer(200, pack);
    if (path === `${packPath(pack)}/comparison`)
      return apiAnswer(200, { pack, previous: null, kpis: [] });
    if (path === `${packPath(pack)}/share-links`) return apiAnswer(200, []);
    if (path === `/api/v1/organisations/${ORGANISATION_ID}/members`) return apiAnswer(200, []);
    return apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  return asked;
}

function renderPack(pack: BoardPack, role: Role) {
  return renderInOrganisation(
    <Routes location={`/organisations/${ORGANISATION_ID}/board-packs/${pack.id}`}>
      <Route path="/organisations/:orgId/board-packs/:packId" element={<BoardPackPage />} />
    </Routes>,
    { role },
  );
}

describe('BoardPackPage', () => {
  it('shows a draft to whoever manages packs with its live-figures banner, the commentary editors, Publish and Delete', async () => {
    const pack = makePack();
    answer(pack);
    renderPack(pack, 'executive');

    expect(
      await screen.findByText('Draft: live figures as of 1 Dec 2026; publishing freezes them.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Publish' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Delete draft' })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Executive summary/ })).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Decisions requested of the board/ })).toBeVisible();
    // A draft has no exports and no share links yet.
    expect(screen.queryByRole('link', { name: 'Download PDF' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Share links' })).toBeNull();
  });

  it('shows a board member a published pack read-only: no editors, no Publish, no share links', async () => {
    const pack = publishedPack({
      commentary: { summary: 'A good half.', decisions: 'Approve the meet-up budget.' },
    });
    const asked = answer(pack);
    renderPack(pack, 'board_member');

    expect(
      await screen.findByText(
        'Published 2 Dec 2026 by Maeve Lonergan, Chief Executive — figures frozen',
      ),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      `${packPath(pack)}/pack.pdf`,
    );
    expect(screen.getByRole('link', { name: 'Download XLSX' })).toHaveAttribute(
      'href',
      `${packPath(pack)}/pack.xlsx`,
    );
    expect(screen.getByText('A good half.')).toBeVisible();
    expect(screen.getByText('Approve the meet-up budget.')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Share links' })).toBeNull();
    expect(
      await screen.findByText(
        'This is the first published pack: there is no earlier one to compare it with.',
      ),
    ).toBeVisible();
    // Nothing a board member may not read is even asked for.
    expect(asked.map((call) => call.path)).not.toContain(`${packPath(pack)}/share-links`);
    expect(asked.some((call) => call.path.endsWith('/members'))).toBe(false);
  });

  it('asks before publishing, saying it cannot be undone, then shows the pack frozen', async () => {
    const pack = makePack();
    const asked = answer(pack, {
      [`POST ${packPath(pack)}/publish`]: () => apiAnswer(200, publishedPack()),
      [`GET ${packPath(pack)}/share-links`]: () => apiAnswer(200, [makeShareLink()]),
    });
    renderPack(pack, 'owner');

    await userEvent.click(await screen.findByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish this pack?' });
    expect(dialog).toHaveTextContent('This cannot be undone.');
    expect(asked.some((call) => call.path.endsWith('/publish'))).toBe(false);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Publish for good' }));
    expect(await screen.findByText(/— figures frozen$/)).toBeVisible();
    expect(asked.filter((call) => call.path.endsWith('/publish'))).toHaveLength(1);
    expect(await screen.findByRole('region', { name: 'Share links' })).toBeVisible();
  });

  it('saves the commentary with the version it started from, and opens the changed-by-someone-else dialog on a 409', async () => {
    const pack = makePack({ commentary: { summary: 'First words.', decisions: '' } });
    const theirs = makePack({
      version: 2,
      commentary: { summary: 'Their words.', decisions: 'Their decision.' },
    });
    const asked = answer(pack, {
      [`PATCH ${packPath(pack)}`]: () =>
        apiAnswer(409, {
          type: 'about:blank',
          title: 'Changed by someone else',
          status: 409,
          current: theirs,
        }),
    });
    renderPack(pack, 'owner');

    const summary = await screen.findByRole('textbox', { name: /Executive summary/ });
    await userEvent.clear(summary);
    await userEvent.type(summary, 'My words.');
    const form = screen.getByRole('form', { name: 'Executive summary' });
    await userEvent.click(within(form).getByRole('button', { name: 'Save commentary' }));

    const dialog = await screen.findByRole('dialog', {
      name: 'This board pack changed while you were editing',
    });
    expect(within(dialog).getByText('Their words.')).toBeVisible();
    expect(within(dialog).getByText('My words.')).toBeVisible();
    const patch = asked.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({
      commentary: { summary: 'My words.', decisions: '' },
      version: 1,
    });
  });

  it('says so when the pack does not exist or is a draft the reader cannot see', async () => {
    const pack = makePack();
    answer(pack, {
      [`GET ${packPath(pack)}`]: () =>
        apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 }),
    });
    renderPack(pack, 'board_member');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This pack does not exist, or it is a draft only its authors can see.',
    );
    await waitFor(() =>
      expect(screen.getByRole('link', { name: '← All board packs' })).toBeVisible(),
    );
  });
});
