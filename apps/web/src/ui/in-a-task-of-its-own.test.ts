import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useInATaskOfItsOwn } from './in-a-task-of-its-own';

describe('useInATaskOfItsOwn', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds a part back until the page is drawn after it is ready, then keeps it', async () => {
    const { result, rerender } = renderHook(({ ready }) => useInATaskOfItsOwn(ready), {
      initialProps: { ready: false },
    });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(result.current).toBe(false);

    rerender({ ready: true });
    expect(result.current).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(20));
    expect(result.current).toBe(true);

    rerender({ ready: true });
    expect(result.current).toBe(true);
  });

  it('hides the part again while the page is not ready', async () => {
    const { result, rerender } = renderHook(({ ready }) => useInATaskOfItsOwn(ready), {
      initialProps: { ready: true },
    });
    await act(() => vi.advanceTimersByTimeAsync(20));
    expect(result.current).toBe(true);

    rerender({ ready: false });
    expect(result.current).toBe(false);
  });
});
