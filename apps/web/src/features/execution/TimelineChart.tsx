import { initiativeHealth } from '@roi/domain';
import { type KeyboardEvent } from 'react';
import { formatDay, HEALTH, MILESTONE_STATUS } from '../../ui/plan-format';
import type { Timeline, TimelineMilestone } from './execution.queries';
import { AXIS_HEIGHT, DIAMOND, LABEL_WIDTH, timelineLayout, WIDTH } from './timeline-layout';

const colour = (name: string, shade = 6) => `var(--mantine-color-${name}-${shade})`;

/** A milestone's colour on the timeline: its status, or orange while it is at risk. */
export function milestoneColour(milestone: Pick<TimelineMilestone, 'status' | 'atRisk'>) {
  if (milestone.atRisk && (milestone.status === 'planned' || milestone.status === 'in_progress')) {
    return 'orange';
  }
  return MILESTONE_STATUS[milestone.status]?.colour ?? 'gray';
}

const clip = (text: string, length: number) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/**
 * A Gantt chart drawn as SVG: each initiative a bar from its start to its end (or across its
 * milestones when it has no dates), each milestone a diamond on its due date on a row of its own,
 * an arrow from every milestone to those that depend on it, and a line for today.
 */
export function TimelineChart(props: {
  timeline: Timeline;
  onOpenMilestone: (milestoneId: string) => void;
}) {
  const { timeline } = props;
  const { x, bands, milestoneRows, height, position, months, everyMonth, todayX, todayInRange } =
    timelineLayout(timeline);

  const open = (milestoneId: string) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onOpenMilestone(milestoneId);
    }
  };

  return (
    // A group, not an image: an image's content is presentational, and the milestones in it are
    // buttons a keyboard reaches.
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="group"
      aria-label={`Timeline from ${formatDay(timeline.from)} to ${formatDay(timeline.to)}: ${timeline.initiatives.length} initiatives`}
      style={{ fontFamily: 'inherit', fontSize: 12, display: 'block' }}
    >
      <defs>
        <marker
          id="timeline-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill={colour('gray', 7)} />
        </marker>
        <marker
          id="timeline-arrow-late"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill={colour('red', 7)} />
        </marker>
      </defs>

      {bands.map((band) => (
        <rect
          key={`band-${band.y}`}
          x={0}
          y={band.y}
          width={WIDTH}
          height={band.height}
          fill={colour('gray', 0)}
        />
      ))}
      {months.map((month, index) => {
        const monthX = month.x;
        return (
          <g key={month.day}>
            <line
              x1={monthX}
              x2={monthX}
              y1={AXIS_HEIGHT - 6}
              y2={height}
              stroke={colour('gray', 3)}
            />
            {index % everyMonth === 0 && (
              <text x={monthX + 3} y={AXIS_HEIGHT - 12} fill={colour('gray', 7)}>
                {month.label}
              </text>
            )}
          </g>
        );
      })}
      <line x1={0} x2={WIDTH} y1={AXIS_HEIGHT} y2={AXIS_HEIGHT} stroke={colour('gray', 4)} />

      {timeline.initiatives.map((initiative, index) => {
        const row = bands[index] ?? { y: 0 };
        const dues = initiative.milestones.map((milestone) => milestone.dueDate).sort();
        const from = initiative.startsOn ?? dues[0];
        const to = initiative.endsOn ?? dues[dues.length - 1];
        const health = HEALTH[initiativeHealth(initiative.milestones)];
        const barY = row.y + 27;
        return (
          <g key={initiative.id} aria-label={`Initiative ${initiative.code}`}>
            <text x={8} y={row.y + 16} fontWeight={700} fill={colour('dark', 7)}>
              {initiative.code}
              <tspan fontWeight={400} dx={6}>
                {clip(initiative.name, 30)}
              </tspan>
              <title>{`${initiative.code} ${initiative.name}`}</title>
            </text>
            <text x={8} y={row.y + 31} fontSize={10.5} fill={colour('gray', 7)}>
              {clip(`Accountable: ${initiative.accountableName}`, 46)}
              <title>{`Accountable: ${initiative.accountableName}`}</title>
            </text>
            <text x={8} y={row.y + 45} fontSize={10.5} fill={colour('gray', 7)}>
              {clip(`Responsible: ${initiative.responsibleName}`, 46)}
              <title>{`Responsible: ${initiative.responsibleName}`}</title>
            </text>
            {from && to && (
              <rect
                x={x(from)}
                y={barY - 7}
                width={Math.max(x(to) - x(from), 3)}
                height={14}
                rx={4}
                fill={colour(health.colour, 1)}
                stroke={colour(health.colour, 6)}
              >
                <title>{`${initiative.code}: ${formatDay(from)} to ${formatDay(to)} · ${health.label}${initiative.startsOn ? '' : ' (span of its milestones)'}`}</title>
              </rect>
            )}
            {initiative.isExperiment && from && (
              <text x={x(from) + 4} y={barY + 3.5} fontSize={9.5} fill={colour('grape', 8)}>
                experiment
              </text>
            )}
          </g>
        );
      })}

      {timeline.initiatives.flatMap((initiative) =>
        initiative.milestones.flatMap((milestone) =>
          milestone.dependsOn.map((dependencyId) => {
            const from = position.get(dependencyId);
            const to = position.get(milestone.id);
            if (!from || !to) return null;
            const late =
              from.milestone.status === 'missed' ||
              (from.milestone.status !== 'done' &&
                (from.milestone.dueDate > milestone.dueDate || from.milestone.atRisk));
            const bend = Math.max(from.x + 10, Math.min(to.x - 12, from.x + 24));
            return (
              <path
                key={`${dependencyId}-${milestone.id}`}
                d={`M ${from.x + DIAMOND} ${from.y} H ${bend} V ${to.y} H ${to.x - DIAMOND - 1}`}
                fill="none"
                stroke={late ? colour('red', 7) : colour('gray', 7)}
                strokeWidth={1.3}
                strokeDasharray={late ? '4 3' : undefined}
                markerEnd={`url(#${late ? 'timeline-arrow-late' : 'timeline-arrow'})`}
              >
                <title>{`${from.milestone.title} → ${milestone.title}`}</title>
              </path>
            );
          }),
        ),
      )}

      {milestoneRows.map((row) => {
        const milestone = row.milestone;
        const cx = x(milestone.dueDate);
        const cy = row.y + row.height / 2;
        const fill = colour(milestoneColour(milestone), milestone.status === 'cancelled' ? 3 : 6);
        const label = `${milestone.title}: ${MILESTONE_STATUS[milestone.status]?.label}${milestone.atRisk ? ', at risk' : ''}, due ${formatDay(milestone.dueDate)}`;
        return (
          <g key={milestone.id}>
            {/* The title is written beside the button, not in it: clipped to fit, it would no
                longer be the start of the button's name, which carries it whole. */}
            <text
              x={22}
              y={cy + 4}
              fill={colour('dark', 5)}
              aria-hidden
              onClick={() => props.onOpenMilestone(milestone.id)}
              style={{ cursor: 'pointer' }}
            >
              {clip(milestone.title, 36)}
            </text>
            <g
              role="button"
              tabIndex={0}
              aria-label={label}
              onClick={() => props.onOpenMilestone(milestone.id)}
              onKeyDown={open(milestone.id)}
              style={{ cursor: 'pointer' }}
            >
              <title>{label}</title>
              <line
                x1={LABEL_WIDTH}
                x2={cx}
                y1={cy}
                y2={cy}
                stroke={colour('gray', 2)}
                strokeDasharray="2 3"
              />
              <rect
                x={cx - DIAMOND}
                y={cy - DIAMOND}
                width={DIAMOND * 2}
                height={DIAMOND * 2}
                transform={`rotate(45 ${cx} ${cy})`}
                fill={fill}
                stroke="white"
                strokeWidth={1.5}
              />
            </g>
          </g>
        );
      })}

      {todayInRange && (
        <g>
          <line
            x1={todayX}
            x2={todayX}
            y1={AXIS_HEIGHT - 4}
            y2={height}
            stroke={colour('orange', 6)}
            strokeWidth={1.5}
          />
          <text x={todayX + 3} y={AXIS_HEIGHT - 2} fontSize={10} fill={colour('orange', 7)}>
            today
          </text>
        </g>
      )}
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke={colour('gray', 4)} />
    </svg>
  );
}
