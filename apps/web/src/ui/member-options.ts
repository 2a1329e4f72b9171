/** The few fields of a member a picker needs; the feature that has the members hands them in. */
export interface PickableMember {
  userId: string;
  name: string;
  external: boolean;
}

export interface MemberOptions {
  options: { value: string; label: string }[];
  isPending: boolean;
  /** A user id read as a name; someone no longer a member reads as such. */
  nameOf: (userId: unknown) => string;
}

/** Members as options of a select (by user id), and a way to read a user id as a name. */
export function memberOptions(members: PickableMember[] | undefined, isPending = false) {
  const options = (members ?? []).map((member) => ({
    value: member.userId,
    label: member.external ? `${member.name} (external)` : member.name,
  }));
  const names = new Map(options.map((option) => [option.value, option.label]));
  return {
    options,
    isPending,
    nameOf: (userId: unknown) =>
      typeof userId === 'string' && userId ? (names.get(userId) ?? 'A former member') : '—',
  } satisfies MemberOptions;
}
