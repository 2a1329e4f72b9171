import { type CSSVariablesResolver, createTheme, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { matchRoutes, RouterProvider } from 'react-router';
import { queryClient } from './query-client';
import { BADGE_FITS_ITS_TEXT, readableColourVariables } from './readable-colours';
import { router } from './router';

// Colours chosen for WCAG AA contrast once, here, not page by page: white on indigo 6 is 4.3:1,
// on indigo 7 about 5:1; Mantine's dimmed grey (gray 6) is 3.3:1 on white, gray 7 about 7.5:1.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // Every dialog, drawer and notification closes with a button that says what it does. Plain
  // objects rather than Modal.extend(...), so the first load carries none of these components.
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Badge: { styles: BADGE_FITS_ITS_TEXT },
    // A link in a sentence is told apart by more than its colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

const accessibleGreys: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    ...readableColourVariables(resolved),
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

// Pages behind the session hang below a layout route without a path (its loader asks who is
// signed in as the router is made); the pages for people without a session (sign in, shared
// links) sit at the top of the routes with their own, and format no dates as they open.
if (matchRoutes(router.routes, window.location)?.[0]?.route.path === undefined) {
  whenIdle(warmUpDateFormatting);
}

/**
 * The first date format a page makes sets up the browser's date and time-zone data: 40-70 ms on
 * an idle machine, several times that on a busy one, inside whichever render asks first (the
 * nav's current cycle, which needs the organisation's today). Done while the session request is
 * on its way, that time falls where the page is only waiting.
 */
function warmUpDateFormatting() {
  new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', dateStyle: 'short' }).format(0);
}

function whenIdle(work: () => void) {
  if (typeof window.requestIdleCallback === 'function')
    window.requestIdleCallback(work, { timeout: 1000 });
  else window.setTimeout(work, 0);
}

export function App() {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={accessibleGreys}
    >
      <NotificationsWhenIdle />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

const Notifications = lazy(async () => ({
  default: (await import('@mantine/notifications')).Notifications,
}));

/**
 * Notifications only ever answer something a person did, so their code (transitions, stacking)
 * stays out of the first load and arrives once the page is idle; the store keeps anything shown
 * before it mounts.
 */
function NotificationsWhenIdle() {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = window.setTimeout(() => setIdle(true), 200);
      return () => window.clearTimeout(timer);
    }
    const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }, []);
  if (!idle) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
