import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { ORGANISATION_ID, renderInOrganisation } from '../../test/render';
import type { ShareLink } from './board-packs.queries';
import { packFormat } from './BoardPackFormat';
import { makeShareLink, publishedPack } from './BoardPackTestData';
import { shareLinkState, ShareLinksPanel } from './ShareLinksPanel';

const pack = publishedPack();
const linksPath = `/api/v1/organisations/${ORGANISATION_ID}/board-packs/${pack.id}/share-links`;
const format = packFormat(pack.content.organisation);

const active = makeShareLink({ id: '00000000-0000-4000-8000-000000000001', openCount: 3 });
const revoked = makeShareLink({
  id: '00000000-0000-4000-8000-000000000002',
  revokedAt: '2026-12-03T10:00:00.000Z',
  lastOpenedAt: '2026-12-02T18:00:00.000Z',
  openCount: 1,
});
const expired = makeShareLink({
  id: '00000000-0000-4000-8000-000000000003',
  createdAt: '2025-11-01T09:40:00.000Z',
  expiresAt: '2025-12-01T09:40:00.000Z',
});

/** The share links the API holds; a POST adds one and a DELETE revokes it. */
function answer(initial: ShareLink[]) {
  let links = [...initial];
  const asked: { method: string; path: string; body: unknown }[] = [];
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    const text = await request.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    asked.push({ method: request.method, path, body });
    if (request.method === 'GET' && path === linksPath) return apiAnswer(200, links);
    if (request.method === 'POST' && path === linksPath) {
      const link = makeShareLink({ id: '00000000-0000-4000-8000-000000000009' });
      links = [link, ...links];
      return apiAnswer(201, {
        ...link,
        token: 'a-token-shown-once',
        url: 'http://planner.example/shared/board-packs/a-token-shown-once',
      });
    }
    if (request.method === 'DELETE' && path.startsWith(`${linksPath}/`)) {
      const id = path.slice(linksPath.length + 1);
      links = links.map((link) =>
        link.id === id ? { ...link, revokedAt: '2026-12-04T09:00:00.000Z' } : link,
      );
      return new Response(null, { status: 204 });
    }
    return apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 });
  });
  return asked;
}

const rowOf = (id: string) => {
  const row = document.querySelector(`tr[data-link="${id}"]`);
  if (!row) throw new Error(`no row for link ${id}`);
  return row as HTMLElement;
};

describe('shareLinkState', () => {
  const now = new Date('2026-12-05T12:00:00.000Z');
  it('reads a revoked link as revoked even before it expires', () => {
    expect(shareLinkState(revoked, now)).toBe('revoked');
  });
  it('reads a link past its expiry as expired', () => {
    expect(shareLinkState(expired, now)).toBe('expired');
    expect(shareLinkState({ ...expired, expiresAt: now.toISOString() }, now)).toBe('expired');
  });
  it('reads any other link as active', () => {
    expect(shareLinkState(active, now)).toBe('active');
  });
});

describe('ShareLinksPanel', () => {
  it('lists each link with its dates, opens and state, and offers Revoke only for an active one', async () => {
    answer([active, revoked, expired]);
    renderInOrganisation(<ShareLinksPanel pack={pack} format={format} />);

    await screen.findByRole('table', { name: 'Share links of this pack' });
    expect(rowOf(active.id)).toHaveAttribute('data-state', 'active');
    expect(within(rowOf(active.id)).getByText('3 times')).toBeVisible();
    expect(within(rowOf(active.id)).getByText('Active')).toBeVisible();
    expect(within(rowOf(active.id)).getByRole('button', { name: /^Revoke/ })).toBeVisible();

    expect(within(rowOf(revoked.id)).getByText('Revoked')).toBeVisible();
    expect(within(rowOf(revoked.id)).getByText('1 time')).toBeVisible();
    expect(within(rowOf(revoked.id)).getByText('2 Dec 2026, 18:00 GMT')).toBeVisible();
    expect(within(rowOf(revoked.id)).queryByRole('button')).toBeNull();

    expect(within(rowOf(expired.id)).getByText('Expired')).toBeVisible();
    expect(within(rowOf(expired.id)).getByText('Never')).toBeVisible();
    expect(within(rowOf(expired.id)).queryByRole('button')).toBeNull();
  });

  it('says when the pack has no link yet', async () => {
    answer([]);
    renderInOrganisation(<ShareLinksPanel pack={pack} format={format} />);
    expect(await screen.findByText('No share link yet.')).toBeVisible();
  });

  it('shows a new link once with a copy button, and lists it', async () => {
    const asked = answer([]);
    renderInOrganisation(<ShareLinksPanel pack={pack} format={format} />);
    await screen.findByText('No share link yet.');

    const days = screen.getByRole('textbox', { name: 'Expires in (days)' });
    await userEvent.clear(days);
    await userEvent.type(days, '7');
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));

    const shown = await screen.findByRole('textbox', { name: 'New share link' });
    expect(shown).toHaveValue('http://planner.example/shared/board-packs/a-token-shown-once');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeVisible();
    expect(screen.getByText(/only time the link is shown/)).toBeVisible();
    expect(asked.find((call) => call.method === 'POST')?.body).toEqual({ expiresInDays: 7 });
    expect(await screen.findByRole('table', { name: 'Share links of this pack' })).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('textbox', { name: 'New share link' })).toBeNull();
  });

  it('refuses an expiry outside 1 to 365 days before asking the API', async () => {
    const asked = answer([]);
    renderInOrganisation(<ShareLinksPanel pack={pack} format={format} />);
    await screen.findByText('No share link yet.');
    const days = screen.getByRole('textbox', { name: 'Expires in (days)' });
    await userEvent.clear(days);
    await userEvent.click(screen.getByRole('button', { name: 'Create link' }));
    expect(await screen.findByText('A whole number of days from 1 to 365')).toBeVisible();
    expect(asked.some((call) => call.method === 'POST')).toBe(false);
  });

  it('revokes a link only after a confirmation, then shows it revoked', async () => {
    const asked = answer([active]);
    renderInOrganisation(<ShareLinksPanel pack={pack} format={format} />);
    await screen.findByRole('table', { name: 'Share links of this pack' });

    await userEvent.click(within(rowOf(active.id)).getByRole('button', { name: /^Revoke/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Revoke this link?' });
    expect(asked.some((call) => call.method === 'DELETE')).toBe(false);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke link' }));

    expect(await within(rowOf(active.id)).findByText('Revoked')).toBeVisible();
    expect(asked.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual([
      `${linksPath}/${active.id}`,
    ]);
  });
});
