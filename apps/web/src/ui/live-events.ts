import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useOrganisationId } from '../session/organisation';

/** What the API announces on `plan/events` for each committed change (event type `plan-change`). */
export interface PlanChange {
  organisationId: string;
  /** The table changed: outcomes, objectives, kpis, kpi_measurements, initiatives... */
  entity: string;
  id: string | null;
  operation: 'insert' | 'update' | 'delete';
  version: number | null;
  /** Who made the change: a member's id, or null for an API key or a script. */
  actorUserId: string | null;
}

/** Changes arrive in bursts (a cascade, a save touching a link table): refresh once per burst. */
const DEBOUNCE_MS = 250;

type Area = (orgId: string) => QueryKey;
const plan =
  (area: string): Area =>
  (orgId) => ['plan', orgId, area];
const execution: Area = (orgId) => ['execution', orgId];
const map = plan('map');
const versions = plan('versions');

/**
 * Which queries each table's changes make stale. The map shows almost everything; a draft
 * compared with a version changes with every plan record.
 */
const AFFECTED: Record<string, Area[]> = {
  outcomes: [map, plan('outcomes'), versions],
  objectives: [map, plan('objectives'), plan('initiatives'), versions],
  kpis: [map, plan('kpis'), versions],
  kpi_measurements: [map, plan('kpis')],
  initiatives: [map, plan('initiatives'), plan('learning'), versions, execution],
  initiative_objectives: [map, plan('initiatives'), versions, execution],
  milestones: [map, versions, execution],
  milestone_dependencies: [map, versions, execution],
  check_ins: [map, execution],
  plan_comments: [map, plan('comments'), plan('outcomes'), plan('objectives'), plan('kpis')],
  plan_versions: [versions],
};

type Listener = (change: PlanChange) => void;
const listeners = new Set<Listener>();

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';
let liveStatus: LiveStatus = 'off';
const statusListeners = new Set<() => void>();
function setLiveStatus(status: LiveStatus) {
  liveStatus = status;
  for (const listener of statusListeners) listener();
}

/**
 * Keeps every open page of the organisation's plan current: listens to the API's server-sent
 * events and refreshes the queries a change makes stale. After a lost connection everything is
 * refreshed, since changes made meanwhile were not heard.
 */
export function usePlanEvents() {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  useEffect(() => {
    if (!orgId || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/organisations/${orgId}/plan/events`);
    setLiveStatus('connecting');
    const pending = new Map<string, QueryKey>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lost = false;
    const flush = () => {
      timer = undefined;
      const keys = [...pending.values()];
      pending.clear();
      for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
    };
    const refreshLater = (areas: Area[]) => {
      for (const area of areas) {
        const key = area(orgId);
        pending.set(JSON.stringify(key), key);
      }
      timer ??= setTimeout(flush, DEBOUNCE_MS);
    };
    source.addEventListener('plan-change', (event) => {
      let change: PlanChange;
      try {
        change = JSON.parse((event as MessageEvent<string>).data) as PlanChange;
      } catch {
        return;
      }
      for (const listener of listeners) listener(change);
      refreshLater(AFFECTED[change.entity] ?? [map]);
    });
    source.onopen = () => {
      setLiveStatus('live');
      if (lost) refreshLater([(id) => ['plan', id], execution]);
      lost = false;
    };
    source.onerror = () => {
      lost = true;
      setLiveStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    };
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      setLiveStatus('off');
    };
  }, [orgId, queryClient]);
}

/** Whether the page hears other people's changes as they happen. */
export function usePlanLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (onChange) => {
      statusListeners.add(onChange);
      return () => statusListeners.delete(onChange);
    },
    () => liveStatus,
  );
}

/**
 * The newest version someone else saved of a record while it is open here: an edit form shows a
 * notice as soon as the change is announced, before the user tries to save over it.
 */
export function useNewerVersion(entity: string, id: string | undefined, version: number) {
  const [announced, setAnnounced] = useState<{
    id: string;
    version: number | null;
    deleted: boolean;
    actorUserId: string | null;
  } | null>(null);
  useEffect(() => {
    if (!id) return;
    const listener: Listener = (change) => {
      if (change.entity !== entity || change.id !== id) return;
      setAnnounced((previous) =>
        change.operation === 'delete'
          ? { id, version: null, deleted: true, actorUserId: change.actorUserId ?? null }
          : previous?.deleted || (previous?.version ?? 0) >= (change.version ?? 0)
            ? previous
            : {
                id,
                version: change.version,
                deleted: false,
                actorUserId: change.actorUserId ?? null,
              },
      );
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, [entity, id]);
  if (!announced || announced.id !== id) return null;
  if (announced.deleted) return announced;
  return announced.version !== null && announced.version > version ? announced : null;
}
