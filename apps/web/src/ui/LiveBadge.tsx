import { Badge, Tooltip } from '@mantine/core';
import { type LiveStatus, usePlanLiveStatus } from './live-events';

const LIVE: Record<LiveStatus, { label: string; colour: string; hint: string }> = {
  live: {
    label: 'Live',
    colour: 'green',
    hint: 'Changes made by others appear as they are saved.',
  },
  connecting: { label: 'Connecting', colour: 'gray', hint: 'Connecting to live updates…' },
  reconnecting: {
    label: 'Reconnecting',
    colour: 'orange',
    hint: 'Live updates were interrupted; the page refreshes once they are back.',
  },
  off: {
    label: 'Not live',
    colour: 'gray',
    hint: 'Reload the page to see changes made by others.',
  },
};

export function LiveBadge() {
  const status = LIVE[usePlanLiveStatus()];
  return (
    <Tooltip label={status.hint} withArrow>
      <Badge variant="dot" color={status.colour} size="sm" role="status">
        {status.label}
      </Badge>
    </Tooltip>
  );
}
