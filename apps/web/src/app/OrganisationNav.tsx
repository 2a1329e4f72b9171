import { Badge, NavLink, Text } from '@mantine/core';
import {
  type Permission,
  STRATEGY_STEPS,
  type StepStatus,
  strategyStep,
  type StrategyStepKey,
} from '@roi/domain';
import { NavLink as RouterNavLink } from 'react-router';
import { StepStatusBadge, useCycle } from '../features/cycles';
import { useCurrentCycle } from '../features/steps';
import { DASHBOARD_ASKED_FOR } from '../session/landing';
import { type CurrentOrganisation, OrganisationContext } from '../session/organisation';

/**
 * The page open in the nav keeps a readable tint under the pointer: Mantine's hover tint of the
 * light variant leaves indigo text at 4.1:1, indigo 1 keeps it above 5:1.
 */
const readableWhenActive = () => ({
  root: { '--nl-hover': 'var(--mantine-color-indigo-1)' },
  children: {},
});

export interface NavItem {
  path: string;
  label: string;
  /** Shown only to a role that may; without one, everyone may read it. */
  permission?: Permission;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

/** The detailed pages of the steps that have them, listed under the step after the six steps. */
const STEP_PAGES: { step: StrategyStepKey; items: NavItem[] }[] = [
  {
    step: 'plan',
    items: [
      { path: 'plan', label: 'Strategy map' },
      { path: 'plan/versions', label: 'Plan versions' },
      { path: 'plan/learning', label: 'Learning log' },
    ],
  },
  { step: 'organise', items: [{ path: 'accountability', label: 'Accountability map' }] },
  {
    step: 'execute',
    items: [
      { path: 'execution', label: 'Milestones' },
      { path: 'execution/timeline', label: 'Timeline and burn-up' },
    ],
  },
  {
    // What the work cost and returned: everyone reads; recording and renaming need a role.
    step: 'measure',
    items: [
      { path: 'roi', label: 'ROI and reallocation' },
      { path: 'ledgers/costs', label: 'Costs' },
      { path: 'ledgers/values', label: 'Values' },
      { path: 'imports', label: 'Imports and exports' },
      { path: 'board-packs', label: 'Board packs' },
      { path: 'ledgers/labels', label: 'Channels and activities', permission: 'ledgers.manage' },
    ],
  },
];

const CYCLES: NavGroup = {
  label: 'Cycles and assessments',
  items: [
    { path: 'cycles', label: 'Strategy cycles' },
    { path: 'assessments', label: 'Assessments' },
    { path: 'assessment-templates', label: 'Assessment templates' },
  ],
};

const ADMINISTRATION: NavGroup = {
  label: 'Organisation',
  items: [
    { path: 'members', label: 'Members and invitations', permission: 'members.read' },
    { path: 'api-keys', label: 'API keys', permission: 'api-keys.manage' },
    { path: 'audit-log', label: 'Audit log', permission: 'audit.read' },
    { path: 'outbox', label: 'Mail outbox', permission: 'outbox.read' },
    { path: 'settings', label: 'Settings', permission: 'organisation.update' },
  ],
};

/**
 * The groups of pages below the six steps, in order: each step's detailed pages under the step's
 * name, then the cycles and assessments, then the organisation's administration; each page only
 * for a role that may open it (the permission table the API enforces), and a group with nothing
 * left is left out.
 */
export function navigationGroups(can: (permission: Permission) => boolean): NavGroup[] {
  const groups: NavGroup[] = [
    ...STEP_PAGES.map(({ step, items }) => ({ label: strategyStep(step).name, items })),
    CYCLES,
    ADMINISTRATION,
  ];
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((item) => !item.permission || can(item.permission)),
    }))
    .filter((group) => group.items.length > 0);
}

/**
 * The pages of one organisation: the dashboard, the six steps of the current cycle with where
 * each stands, then the detailed pages grouped under their step, offering only what the member's
 * role may do, so a link never leads to a 403.
 */
export function OrganisationNav(props: { current: CurrentOrganisation; onNavigate: () => void }) {
  const { current, onNavigate } = props;
  const base = `/organisations/${current.organisationId}`;
  return (
    <>
      <NavLink
        component={RouterNavLink}
        to={base}
        state={DASHBOARD_ASKED_FOR}
        end
        label="Dashboard"
        onClick={onNavigate}
        vars={readableWhenActive}
      />
      <SectionLabel>Strategy cycle</SectionLabel>
      {/* The shell sits above the organisation's route: the steps' statuses ask in its name. */}
      <OrganisationContext.Provider value={current}>
        <CurrentSteps base={base} onNavigate={onNavigate} />
      </OrganisationContext.Provider>
      {navigationGroups(current.can).map((group) => (
        <NavSection key={group.label} group={group} base={base} onNavigate={onNavigate} />
      ))}
    </>
  );
}

function NavSection(props: { group: NavGroup; base: string; onNavigate: () => void }) {
  return (
    <>
      <SectionLabel>{props.group.label}</SectionLabel>
      {props.group.items.map((item) => (
        <NavLink
          key={item.path}
          component={RouterNavLink}
          to={`${props.base}/${item.path}`}
          end
          label={item.label}
          onClick={props.onNavigate}
          vars={readableWhenActive}
        />
      ))}
    </>
  );
}

/** The six steps, each with its status in the current cycle once that is known. */
function CurrentSteps(props: { base: string; onNavigate: () => void }) {
  const current = useCurrentCycle();
  const cycleId = current.state === 'found' ? current.cycleId : '';
  const cycle = useCycle(cycleId, { enabled: cycleId !== '' });
  const statuses = cycle.data
    ? new Map(cycle.data.steps.map((step) => [step.key, step.status]))
    : null;
  return <StepLinks {...props} statuses={statuses} />;
}

function StepLinks(props: {
  base: string;
  onNavigate: () => void;
  statuses: Map<StrategyStepKey, StepStatus> | null;
}) {
  return STRATEGY_STEPS.map((step) => {
    const status = props.statuses?.get(step.key);
    return (
      <NavLink
        key={step.key}
        component={RouterNavLink}
        to={`${props.base}/steps/${step.key}`}
        label={step.name}
        onClick={props.onNavigate}
        vars={readableWhenActive}
        leftSection={
          <Badge size="sm" variant="light" circle>
            {step.number}
          </Badge>
        }
        rightSection={status && <StepStatusBadge status={status} size="xs" />}
        data-step={step.key}
      />
    );
  });
}

function SectionLabel(props: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
      {props.children}
    </Text>
  );
}
