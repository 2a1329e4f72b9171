import { Outlet } from 'react-router';
import { usePlanEvents } from '../../ui/live-events';

/**
 * The plan and execution pages share one live connection: while any of them is open, other
 * people's changes refresh what it shows.
 */
export function PlanLiveLayout() {
  usePlanEvents();
  return <Outlet />;
}
