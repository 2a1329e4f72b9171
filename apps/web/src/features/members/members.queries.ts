import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client';
import { memberOptions } from '../../ui/member-options';
import { useOrganisationId } from '../../session/organisation';

export type Member = Schemas['MemberDto'];
export type Invitation = Schemas['InvitationDto'];

const keys = {
  members: (orgId: string) => ['members', orgId] as const,
  invitations: (orgId: string) => ['invitations', orgId] as const,
};

export function useMembers() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.members(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/members', { params: { path: { orgId } } })),
  });
}

export function useInvitations() {
  const orgId = useOrganisationId();

  return useQuery({
    queryKey: keys.invitations(orgId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/organisations/{orgId}/invitations', { params: { path: { orgId } } })),
  });
}

function useMembershipChange<Input>(change: (input: Input) => Promise<unknown>) {
  const orgId = useOrganisationId();

  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.members(orgId) });
      await queryClient.invalidateQueries({ queryKey: keys.invitations(orgId) });
    },
  });
}

export const useChangeRole = () => {
  const orgId = useOrganisationId();
  return useMembershipChange((input: { membershipId: string } & Schemas['ChangeRoleDto']) =>
    unwrap(
      api.PATCH('/api/v1/organisations/{orgId}/members/{membershipId}', {
        params: { path: { orgId, membershipId: input.membershipId } },
        body: { role: input.role, version: input.version },
      }),
    ),
  );
};

export const useRemoveMember = () => {
  const orgId = useOrganisationId();
  return useMembershipChange((membershipId: string) =>
    unwrap(
      api.DELETE('/api/v1/organisations/{orgId}/members/{membershipId}', {
        params: { path: { orgId, membershipId } },
      }),
    ),
  );
};

export const useInvite = () => {
  const orgId = useOrganisationId();
  return useMembershipChange((body: Schemas['CreateInvitationDto']) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/invitations', { params: { path: { orgId } }, body }),
    ),
  );
};

export const useResendInvitation = () => {
  const orgId = useOrganisationId();
  return useMembershipChange((invitationId: string) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/invitations/{invitationId}/resend', {
        params: { path: { orgId, invitationId } },
      }),
    ),
  );
};

export const useRevokeInvitation = () => {
  const orgId = useOrganisationId();
  return useMembershipChange((invitationId: string) =>
    unwrap(
      api.POST('/api/v1/organisations/{orgId}/invitations/{invitationId}/revoke', {
        params: { path: { orgId, invitationId } },
      }),
    ),
  );
};

/** The organisation's members as the options of a member picker (`ui/member-options`). */
export function useMemberOptions() {
  const members = useMembers();
  return memberOptions(members.data, members.isPending);
}
