import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { KpiStatus } from '@roi/domain';
import type { BoardPackContent } from './board-packs.queries';
import type { PackFormat } from './BoardPackFormat';
import { KpiStatusCountTiles, KpiTable, MissLegend, MissSplit } from './report-parts';

type Kpi = BoardPackContent['kpis'][number];

const RANK: Record<KpiStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, no_data: 3 };

/** Worst first, so the board meets the KPIs that lag before those on track. */
const byAttention = (a: Kpi, b: Kpi) =>
  RANK[a.status] - RANK[b.status] || a.code.localeCompare(b.code);

/**
 * Every KPI as of the pack's date against its target, and for one that lags, who answers first:
 * execution (late milestones, their initiatives' responsible people), strategy (the accountable
 * people) or unplanned (no initiative serves it). The parts are the dashboard's, so a KPI reads
 * the same in both.
 */
export function BoardPackKpis(props: { content: BoardPackContent; format: PackFormat }) {
  const { content, format } = props;
  const kpis = [...content.kpis].sort(byAttention);
  if (kpis.length === 0) {
    return (
      <Paper withBorder p="md" radius="md">
        <Text c="gray.7">No KPI is set for this cycle yet.</Text>
      </Paper>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        {kpis.length} KPIs as of {format.day(content.asOf)}, the worst first.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <KpiStatusCountTiles counts={content.kpiCounts} size="sm" />
        <Paper withBorder p="sm" radius="md">
          <MissSplit misses={content.misses} label="Who answers for the KPIs that lag" />
        </Paper>
      </SimpleGrid>
      <Paper withBorder radius="md" p={0}>
        <KpiTable kpis={kpis} label="KPIs against targets" />
      </Paper>
      <Paper withBorder p="sm" radius="md">
        <MissLegend />
      </Paper>
    </Stack>
  );
}
