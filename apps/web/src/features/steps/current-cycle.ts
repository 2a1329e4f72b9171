import { todayIn } from '@roi/domain';
import { useOrganisationRecord } from '../organisations/organisations.queries';
import { useCycles } from '../cycles';

type CycleDates = { id: string; startsOn: string; endsOn: string };
export type CycleSummary = NonNullable<ReturnType<typeof useCycles>['data']>[number];

/**
 * The cycle a step's workspace opens on when none is asked for: the one running today, else the
 * latest that has started, else the first to come. The same choice the API makes for the
 * dashboard and board packs (apps/api reporting, `findReportCycle`), so the nav, the workspaces
 * and the dashboard speak of one cycle.
 */
export function currentCycleOf<T extends CycleDates>(
  cycles: readonly T[],
  today: string,
): T | undefined {
  const running = cycles.filter((cycle) => cycle.startsOn <= today && today <= cycle.endsOn);
  const started = cycles.filter((cycle) => cycle.startsOn <= today);
  const latestStart = (candidates: T[]) =>
    candidates.reduce<T | undefined>(
      (best, cycle) => (!best || cycle.startsOn > best.startsOn ? cycle : best),
      undefined,
    );
  return (
    latestStart(running) ??
    latestStart(started) ??
    cycles.reduce<T | undefined>(
      (first, cycle) => (!first || cycle.startsOn < first.startsOn ? cycle : first),
      undefined,
    )
  );
}

export type CurrentCycle =
  | { state: 'pending' }
  | { state: 'error'; error: unknown; retry: () => void }
  | { state: 'none' }
  | { state: 'found'; cycleId: string; cycles: readonly CycleSummary[] };

/**
 * The cycle asked for (`?cycleId=`), or the current one by the organisation's today. A cycle
 * asked for that is not listed is still tried: the roadmap query then answers whether it exists.
 */
export function useCurrentCycle(requestedId?: string | null): CurrentCycle {
  const cycles = useCycles();
  const organisation = useOrganisationRecord();
  if (cycles.isError || (!requestedId && organisation.isError)) {
    return {
      state: 'error',
      error: cycles.error ?? organisation.error,
      retry: () => {
        void cycles.refetch();
        void organisation.refetch();
      },
    };
  }
  if (cycles.isPending) return { state: 'pending' };
  if (requestedId) {
    return { state: 'found', cycleId: requestedId, cycles: cycles.data };
  }
  if (!organisation.data) return { state: 'pending' };
  const cycle = currentCycleOf(cycles.data, todayIn(organisation.data.timeZone));
  return cycle ? { state: 'found', cycleId: cycle.id, cycles: cycles.data } : { state: 'none' };
}
