import type { EntityManager } from 'typeorm';
import { organisationClock } from '../organisations/organisation-clock';
import { totalsByInterval } from '../roi/roi.service';
import type { CycleEntity } from '../cycles/cycle.entity';
import type { BoardPackContentDto } from './dto/board-pack.dto';
import { kpiCounts, missCounts, reportKpis } from './report-kpis';
import { roiToDateReport } from './report-money';
import {
  cycleMilestones,
  experimentsDecided,
  maturityOf,
  reportCycle,
  roadmapOf,
} from './report-sections';

/**
 * Every figure and list a board pack shows, computed as of its date: live while it is a draft,
 * stored once when it is published (BRIEF: "never recomputed"). `roi` is GET /roi's answer for
 * the cycle's start to the pack's date, grouped by initiative, exactly.
 */
export async function packContent(
  manager: EntityManager,
  organisationId: string,
  cycle: CycleEntity,
  asOf: string,
): Promise<BoardPackContentDto> {
  const clock = await organisationClock(manager, organisationId);
  const [organisation]: { name: string; locale: string }[] = await manager.query(
    `SELECT name, locale FROM organisations WHERE id = $1`,
    [organisationId],
  );
  const kpis = await reportKpis(manager, organisationId, asOf);
  const roi = await roiToDateReport(manager, organisationId, cycle, asOf, 'initiative', clock);
  const roiByChannel = await roiToDateReport(
    manager,
    organisationId,
    cycle,
    asOf,
    'channel',
    clock,
  );
  return {
    computedAt: new Date().toISOString(),
    asOf,
    organisation: {
      name: organisation?.name ?? '',
      currency: clock.currency,
      minorUnits: clock.minorUnits,
      locale: organisation?.locale ?? 'en-GB',
      timeZone: clock.timeZone,
    },
    cycle: reportCycle(cycle),
    roadmap: await roadmapOf(manager, cycle.id),
    maturity: await maturityOf(manager, organisationId, cycle.id),
    kpis,
    kpiCounts: kpiCounts(kpis),
    misses: missCounts(kpis),
    roi,
    roiByChannel,
    costValueByMonth:
      roi.from <= roi.to
        ? await totalsByInterval(
            manager,
            organisationId,
            { from: roi.from, to: roi.to },
            'month',
            clock.minorUnits,
          )
        : [],
    milestones: await cycleMilestones(manager, organisationId, cycle, asOf),
    experiments: await experimentsDecided(manager, organisationId, asOf),
  };
}
