import { useMembers } from '../members/members.queries';

/** Members as options of a select (by user id), and a way to read a user id as a name. */
export function useMemberOptions() {
  const members = useMembers();
  const options = (members.data ?? []).map((member) => ({
    value: member.userId,
    label: member.external ? `${member.name} (external)` : member.name,
  }));
  const names = new Map(options.map((option) => [option.value, option.label]));
  return {
    options,
    isPending: members.isPending,
    nameOf: (userId: unknown) =>
      typeof userId === 'string' && userId ? (names.get(userId) ?? 'A former member') : '—',
  };
}
