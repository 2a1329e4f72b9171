import { Button, Stack, Text, Title } from '@mantine/core';
import { type Permission, PERMISSIONS, ROLE_LABELS } from '@roi/domain';
import { Link } from 'react-router';
import { organisationLanding } from '../session/landing';
import { useOrganisation } from '../session/organisation';
import { NO_ACCESS_TITLE, rolesThatMay, whoCanChangeYourRole } from './no-access';
import { usePageTitle } from './page-title';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * A page of the organisation that the member's role may not open: what it is for, that their
 * role does not include it, who can change that, and the way back. Decided from the same
 * permission table as the navigation and the API, so it appears only where the API would refuse.
 */
export function NoAccessPage(props: { permission: Permission }) {
  const current = useOrganisation();
  usePageTitle('No access');
  const organisationName = current.membership.organisationName;
  return (
    <Stack align="flex-start" maw={640}>
      <Title order={2}>{NO_ACCESS_TITLE} to this page</Title>
      <Text>
        This page is for members who may {lowerFirst(PERMISSIONS[props.permission])}. Your role in{' '}
        {organisationName}, {ROLE_LABELS[current.role]}, does not include that.
      </Text>
      <Text c="dimmed" size="sm">
        Roles that may open it: {rolesThatMay(props.permission).join(', ')}.{' '}
        {whoCanChangeYourRole()}
      </Text>
      <Button
        component={Link}
        to={organisationLanding(current.organisationId, current.role)}
        variant="light"
      >
        Back to {organisationName}
      </Button>
    </Stack>
  );
}
