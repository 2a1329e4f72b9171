import { Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  Legend,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  ResponsiveContainer,
  Tooltip,
} from 'recharts';
import { ChartOrTable, NUMERIC } from '../../ui/ChartOrTable';
import { maturityRows, maturitySummary } from './dashboard-chart-data';
import { formatScore } from './report-format';
import type { Maturity } from './reporting.queries';

const COLOURS = {
  current: 'var(--mantine-color-indigo-6)',
  previous: 'var(--mantine-color-orange-7)',
};

/** Dimension names on short lines, so a long one stays inside a phone's width. */
function wrap(text: string, width = 14): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  cy?: number | string;
  textAnchor?: string;
  payload?: { value?: unknown };
}

function DimensionTick(props: TickProps) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const cy = Number(props.cy ?? y);
  const lines = wrap(String(props.payload?.value ?? ''));
  const lineHeight = 13;
  // Above the centre the label grows upwards, below it downwards, beside it around its middle.
  const first =
    y < cy - 4
      ? -(lines.length - 1) * lineHeight
      : y > cy + 4
        ? 8
        : -((lines.length - 1) * lineHeight) / 2 + 4;
  return (
    <text
      x={x}
      y={y}
      textAnchor={props.textAnchor as 'start' | 'middle' | 'end' | undefined}
      fontSize={11}
      fill="var(--mantine-color-gray-8)"
    >
      {lines.map((line, index) => (
        <tspan key={`${index}-${line}`} x={x} dy={index === 0 ? first : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function change(score: number | null, previous: number | null): string {
  if (score === null || previous === null) return '—';
  const delta = score - previous;
  return `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${Math.abs(delta).toFixed(1)}`;
}

/** The cycle's maturity by dimension against the previous cycle's, on the 0–5 scale. */
export function MaturityRadar(props: {
  maturity: Maturity | null;
  cycleName: string;
  empty: ReactNode;
}) {
  const { maturity, cycleName } = props;
  if (!maturity || maturity.dimensions.length === 0) {
    return (
      <ChartOrTable
        fill
        title="Maturity against the previous cycle"
        summary="No maturity assessment has been closed in this cycle yet."
        empty={props.empty}
        chart={null}
        table={null}
      />
    );
  }
  const rows = maturityRows(maturity);
  const previousName = maturity.previousCycleName;
  const hasPrevious = previousName !== null && rows.some((row) => row.previous !== null);
  return (
    <ChartOrTable
      fill
      title="Maturity against the previous cycle"
      summary={maturitySummary(maturity, cycleName)}
      controls={
        <Group gap="xl">
          <div data-figure="Maturity stage">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              Stage
            </Text>
            <Text fz={28} fw={700} lh={1.1}>
              {maturity.stage ?? '—'}
              {maturity.stageName && (
                <Text span fz="lg" fw={600}>
                  {' '}
                  {maturity.stageName}
                </Text>
              )}
            </Text>
            {maturity.previousStage !== null && (
              <Text size="sm" c="dimmed">
                was stage {maturity.previousStage}
                {previousName ? ` in ${previousName}` : ''}
              </Text>
            )}
          </div>
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              Overall score
            </Text>
            <Text fz={28} fw={700} lh={1.1}>
              {formatScore(maturity.overallScore)}
              <Text span size="sm" c="dimmed">
                {' '}
                of 5
              </Text>
            </Text>
            {maturity.previousOverallScore !== null && (
              <Text size="sm" c="dimmed">
                was {formatScore(maturity.previousOverallScore)}
              </Text>
            )}
          </div>
        </Group>
      }
      chart={
        rows.length < 3 ? (
          <Text size="sm" c="dimmed">
            A radar needs three dimensions or more; the table holds the scores.
          </Text>
        ) : (
          <div style={{ width: '100%' }}>
            {/* As tall as it is wide on a phone; no taller than 420 px on a wide screen. */}
            <ResponsiveContainer width="100%" aspect={1} maxHeight={420}>
              <RadarChart
                data={rows}
                outerRadius="62%"
                margin={{ top: 8, right: 24, bottom: 8, left: 24 }}
              >
                <PolarGrid />
                <PolarAngleAxis
                  dataKey="dimension"
                  tick={(tick: TickProps) => <DimensionTick {...tick} />}
                />
                <PolarRadiusAxis
                  domain={[0, 5]}
                  tickCount={6}
                  angle={90 - 360 / rows.length / 2}
                  tick={{ fontSize: 10, fill: 'var(--mantine-color-gray-7)' }}
                />
                <Tooltip formatter={(value) => formatScore(Number(value))} />
                <Legend />
                <Radar
                  name={cycleName}
                  dataKey="current"
                  stroke={COLOURS.current}
                  fill={COLOURS.current}
                  fillOpacity={0.25}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
                {hasPrevious && (
                  <Radar
                    name={previousName ?? undefined}
                    dataKey="previous"
                    stroke={COLOURS.previous}
                    fill={COLOURS.previous}
                    fillOpacity={0.08}
                    strokeWidth={2}
                    // Dashed, so the previous cycle stays visible inside a grown shape.
                    strokeDasharray="6 4"
                    isAnimationActive={false}
                  />
                )}
              </RadarChart>
            </ResponsiveContainer>
          </div>
        )
      }
      table={
        <Table.ScrollContainer minWidth={420}>
          <Table aria-label="Maturity against the previous cycle" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Dimension</Table.Th>
                <Table.Th style={NUMERIC}>{cycleName}</Table.Th>
                <Table.Th style={NUMERIC}>{previousName ?? 'Previous cycle'}</Table.Th>
                <Table.Th style={NUMERIC}>Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.dimension}>
                  <Table.Td>{row.dimension}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatScore(row.score)}</Table.Td>
                  <Table.Td style={NUMERIC}>{formatScore(row.previousScore)}</Table.Td>
                  <Table.Td style={NUMERIC}>{change(row.score, row.previousScore)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    />
  );
}
