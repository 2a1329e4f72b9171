import { CycleEntity } from '../cycles/cycle.entity';
import { packContent } from '../reporting/board-pack-content';
import type { DemoCycles, DemoPeople } from './demo-cycles';
import { created, type DemoHistory } from './demo-history';

/** When the board last met, in days from the seeding day: its pack was published two days later. */
const LAST_BOARD_MEETING = -35;

/**
 * The board's reading: a pack published after last month's meeting, its figures frozen then (so
 * the demo shows a pack that no longer follows the ledger), and the draft for the next meeting,
 * with live figures as of the seeding day.
 */
export async function seedDemoBoardPacks(
  history: DemoHistory,
  people: DemoPeople,
  cycles: DemoCycles,
): Promise<void> {
  const { manager, organisationId } = history;
  const cycle = await manager.findOneByOrFail(CycleEntity, { id: cycles.current });
  const meeting = history.day(LAST_BOARD_MEETING);
  const asOf = meeting < cycle.startsOn ? cycle.startsOn : meeting;
  const publishedAt = history.moment(LAST_BOARD_MEETING + 2, '16:30');
  const content = {
    ...(await packContent(manager, organisationId, cycle, asOf)),
    computedAt: publishedAt,
  };
  const published = {
    cycle_id: cycle.id,
    title: 'Board review: the plan under way',
    as_of: asOf,
    summary:
      'The plan was approved and its first initiatives are running. Money is booked against every initiative, so ROI is reported from this pack on; the KPIs needing attention are named with who answers for them.',
    decisions:
      'Confirm the budget of the community initiatives for the rest of the year.\nAgree to stop paid promotion if it stays below the organisation ROI next quarter.',
  };
  const publishedId = await history.insert('board_packs', {
    ...published,
    status: 'published',
    content: JSON.stringify(content),
    published_at: publishedAt,
    published_by_user_id: people.owner.id,
    created_by_user_id: people.executive.id,
    version: 3,
    created_at: history.moment(LAST_BOARD_MEETING - 5),
  });
  await history.audit({
    at: history.moment(LAST_BOARD_MEETING - 5),
    actor: people.executive,
    type: 'board_pack',
    id: publishedId,
    action: 'create',
    changes: created({ cycleId: cycle.id, title: published.title, asOf, status: 'draft' }),
  });
  await history.audit({
    at: publishedAt,
    actor: people.owner,
    type: 'board_pack',
    id: publishedId,
    action: 'update',
    changes: { status: { before: 'draft', after: 'published' } },
  });

  const today = history.day(0);
  const draft = {
    cycle_id: cycle.id,
    title: 'Board review: next meeting',
    as_of: today > cycle.endsOn ? cycle.endsOn : today,
    summary: 'Draft for the next meeting: the figures follow the ledger until it is published.',
    decisions: '',
  };
  const draftId = await history.insert('board_packs', {
    ...draft,
    created_by_user_id: people.executive.id,
    created_at: history.moment(-1),
  });
  await history.audit({
    at: history.moment(-1),
    actor: people.executive,
    type: 'board_pack',
    id: draftId,
    action: 'create',
    changes: created({ cycleId: cycle.id, title: draft.title, asOf: draft.as_of }),
  });
}
