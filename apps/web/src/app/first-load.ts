/** How long the app's first page waits for its data before it opens with its loading states. */
export const FIRST_LOAD_WAIT_MS = 1000;

/**
 * What a route's loader returns for a page's first requests: while the app is opening (nothing
 * is on screen yet) a promise that settles when they have (answered or failed: the page's own
 * queries show an error) or when `waitMs` has passed, whichever is first; once a page is on
 * screen, nothing to wait for. The requests run either way: the page's queries find the answers
 * in the cache, or on their way.
 */
export function waitWhileOpening(
  isOpening: () => boolean,
  waitMs: number = FIRST_LOAD_WAIT_MS,
): (requests: Promise<unknown>) => Promise<null> | null {
  return (requests) => {
    const settled = requests.then(
      () => null,
      () => null,
    );
    if (!isOpening()) return null;
    return Promise.race([
      settled,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs)),
    ]);
  };
}

/**
 * Whether such a loader runs again as the address changes: only for new path parameters
 * (another organisation, another KPI). It starts requests and nothing else; a new query string
 * (the dashboard rewrites it as its view changes) asks nothing new of it, and the pages' own
 * queries keep their data fresh.
 */
export function onlyForNewParams(change: {
  currentParams: Readonly<Record<string, string | undefined>>;
  nextParams: Readonly<Record<string, string | undefined>>;
}): boolean {
  const { currentParams, nextParams } = change;
  const names = new Set([...Object.keys(currentParams), ...Object.keys(nextParams)]);
  return [...names].some((name) => currentParams[name] !== nextParams[name]);
}
