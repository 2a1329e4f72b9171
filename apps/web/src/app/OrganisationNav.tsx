import { Badge, NavLink, Text } from '@mantine/core';
import { type Permission, STRATEGY_STEPS } from '@roi/domain';
import { NavLink as RouterNavLink } from 'react-router';
import type { CurrentOrganisation } from '../session/organisation';

const ADMINISTRATION: { path: string; label: string; permission: Permission }[] = [
  { path: 'members', label: 'Members and invitations', permission: 'members.read' },
  { path: 'api-keys', label: 'API keys', permission: 'api-keys.manage' },
  { path: 'audit-log', label: 'Audit log', permission: 'audit.read' },
  { path: 'outbox', label: 'Mail outbox', permission: 'outbox.read' },
  { path: 'settings', label: 'Settings', permission: 'organisation.update' },
];

const PLAN_AND_EXECUTION: { path: string; label: string }[] = [
  { path: 'plan', label: 'Strategy map' },
  { path: 'plan/versions', label: 'Plan versions' },
  { path: 'plan/learning', label: 'Learning log' },
  { path: 'accountability', label: 'Accountability map' },
  { path: 'execution', label: 'Milestones' },
  { path: 'execution/timeline', label: 'Timeline and burn-up' },
];

// Step 6 of the cycle: what the work cost and returned. Everyone reads; recording needs a role.
const MEASURE_AND_ADAPT: { path: string; label: string; permission?: Permission }[] = [
  { path: 'board-packs', label: 'Board packs' },
  { path: 'roi', label: 'ROI and reallocation' },
  { path: 'ledgers/costs', label: 'Costs' },
  { path: 'ledgers/values', label: 'Values' },
  { path: 'imports', label: 'Imports and exports' },
  { path: 'ledgers/labels', label: 'Channels and activities', permission: 'ledgers.manage' },
];

/**
 * The pages of one organisation, offering only what the member's role may do: the same
 * permission table the API enforces, so a link never leads to a 403.
 */
export function OrganisationNav(props: { current: CurrentOrganisation; onNavigate: () => void }) {
  const { current, onNavigate } = props;
  const base = `/organisations/${current.organisationId}`;
  const administration = ADMINISTRATION.filter((item) => current.can(item.permission));
  return (
    <>
      <NavLink component={RouterNavLink} to={base} end label="Dashboard" onClick={onNavigate} />
      <NavLink
        component={RouterNavLink}
        to={`${base}/cycles`}
        label="Strategy cycles"
        onClick={onNavigate}
      />
      <NavLink
        component={RouterNavLink}
        to={`${base}/assessments`}
        label="Assessments"
        onClick={onNavigate}
      />
      <NavLink
        component={RouterNavLink}
        to={`${base}/assessment-templates`}
        label="Assessment templates"
        onClick={onNavigate}
      />
      <SectionLabel>Plan and execution</SectionLabel>
      {PLAN_AND_EXECUTION.map((item) => (
        <NavLink
          key={item.path}
          component={RouterNavLink}
          to={`${base}/${item.path}`}
          end
          label={item.label}
          onClick={onNavigate}
        />
      ))}
      <SectionLabel>Measure and adapt</SectionLabel>
      {MEASURE_AND_ADAPT.filter((item) => !item.permission || current.can(item.permission)).map(
        (item) => (
          <NavLink
            key={item.path}
            component={RouterNavLink}
            to={`${base}/${item.path}`}
            end
            label={item.label}
            onClick={onNavigate}
          />
        ),
      )}
      <SectionLabel>Strategy cycle</SectionLabel>
      {STRATEGY_STEPS.map((step) => (
        <NavLink
          key={step.key}
          component={RouterNavLink}
          to={`${base}/steps/${step.key}`}
          label={step.name}
          onClick={onNavigate}
          leftSection={
            <Badge size="sm" variant="light" circle>
              {step.number}
            </Badge>
          }
        />
      ))}
      {administration.length > 0 && <SectionLabel>Organisation</SectionLabel>}
      {administration.map((item) => (
        <NavLink
          key={item.path}
          component={RouterNavLink}
          to={`${base}/${item.path}`}
          label={item.label}
          onClick={onNavigate}
        />
      ))}
    </>
  );
}

function SectionLabel(props: { children: string }) {
  return (
    <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm">
      {props.children}
    </Text>
  );
}
