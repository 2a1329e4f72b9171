import { startTransition, useEffect, useState } from 'react';

/**
 * True once the page has been drawn after `ready` first became true. A part of a page gated by
 * it (a chart whose library measures and renders again as it mounts) is loaded, built and
 * committed in a task of its own after the rest of the page is on screen, instead of holding
 * back the first paint and lengthening the commit that draws the page.
 */
export function useInATaskOfItsOwn(ready: boolean): boolean {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    if (!ready || reached) return;
    // A frame callback runs just before the browser draws; a task queued from it runs after.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setReached(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, reached]);
  return ready && reached;
}
