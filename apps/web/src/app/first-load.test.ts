import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_LOAD_WAIT_MS, onlyForNewParams, waitWhileOpening } from './first-load';

describe('waitWhileOpening', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const after = (ms: number) =>
    new Promise<string>((resolve) => setTimeout(() => resolve('answer'), ms));

  it('while the app opens, waits for the requests that answer in time', async () => {
    let settled = false;
    void waitWhileOpening(() => true)(after(300))?.then(() => (settled = true));

    await vi.advanceTimersByTimeAsync(299);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('opens the page with its loading states when an answer is slow', async () => {
    let settled = false;
    void waitWhileOpening(() => true)(after(10_000))?.then(() => (settled = true));

    await vi.advanceTimersByTimeAsync(FIRST_LOAD_WAIT_MS - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
  });

  it('lets the page show a refused request as its own error, instead of failing the route', async () => {
    const refused = Promise.reject(new Error('403'));

    await expect(waitWhileOpening(() => true)(refused)).resolves.toBeNull();
  });

  it('never holds back a page once one is on screen', async () => {
    const refused = Promise.reject(new Error('403'));

    expect(waitWhileOpening(() => false)(after(300))).toBeNull();
    // A request refused after the app has opened is no unhandled rejection either.
    expect(waitWhileOpening(() => false)(refused)).toBeNull();
    await vi.advanceTimersByTimeAsync(300);
  });
});

describe('onlyForNewParams', () => {
  it('asks again for another organisation or another KPI', () => {
    expect(onlyForNewParams({ currentParams: { orgId: 'a' }, nextParams: { orgId: 'b' } })).toBe(
      true,
    );
    expect(
      onlyForNewParams({
        currentParams: { orgId: 'a', kpiId: '1' },
        nextParams: { orgId: 'a', kpiId: '2' },
      }),
    ).toBe(true);
  });

  it('does not ask again when only the query string changed', () => {
    expect(onlyForNewParams({ currentParams: { orgId: 'a' }, nextParams: { orgId: 'a' } })).toBe(
      false,
    );
    expect(onlyForNewParams({ currentParams: {}, nextParams: {} })).toBe(false);
  });
});
