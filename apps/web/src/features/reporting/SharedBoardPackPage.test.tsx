import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { apiAnswer, fetchMock } from '../../test/fetch-mock';
import { publishedPack } from './BoardPackTestData';
import { SharedBoardPackPage } from './SharedBoardPackPage';

const TOKEN = 'the-token-in-the-link';

/** As the router renders it: outside the session and without any organisation. */
function renderShared(answer: () => Response) {
  const asked: string[] = [];
  fetchMock.mockImplementation(async (input) => {
    asked.push(new URL((input as Request).url).pathname);
    return answer();
  });
  render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter initialEntries={[`/shared/board-packs/${TOKEN}`]}>
          <Routes>
            <Route path="/shared/board-packs/:token" element={<SharedBoardPackPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return asked;
}

describe('SharedBoardPackPage', () => {
  it('shows the organisation, the pack and its PDF from the token alone', async () => {
    const asked = renderShared(() => apiAnswer(200, publishedPack()));
    expect(
      await screen.findByRole('heading', { name: 'Board review, December 2026' }),
    ).toBeVisible();
    expect(screen.getByText('Guild of Independent Booksellers · board pack')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Download PDF' })).toHaveAttribute(
      'href',
      `/api/v1/shared/board-packs/${TOKEN}/pack.pdf`,
    );
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(asked).toEqual([`/api/v1/shared/board-packs/${TOKEN}`]);
  });

  it('says a link does not exist or was revoked when the API answers 404', async () => {
    renderShared(() => apiAnswer(404, { type: 'about:blank', title: 'Not Found', status: 404 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link does not exist or has been revoked.',
    );
  });

  it('says a link has expired when the API answers 410', async () => {
    renderShared(() => apiAnswer(410, { type: 'about:blank', title: 'Gone', status: 410 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This link has expired. Ask whoever shared it for a new one.',
    );
  });

  it('offers to try again when the planner cannot be reached', async () => {
    renderShared(() =>
      apiAnswer(503, { type: 'about:blank', title: 'Service unavailable', status: 503 }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Service unavailable');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
