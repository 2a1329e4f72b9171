import { UnstyledButton } from '@mantine/core';
import type { MappedInitiative, MappedPerson } from './accountability.queries';
import { HOLDER_ROLE, type HolderRole } from './accountability-cells';

/**
 * A role written as a word ("Accountable", "Responsible"), never a letter; for those who edit the
 * plan it is also the control that names someone else in that role.
 */
export function HolderMark(props: {
  role: HolderRole;
  person: MappedPerson;
  initiative: MappedInitiative;
  onChange?: () => void;
}) {
  const { word, colour } = HOLDER_ROLE[props.role];
  const style = {
    display: 'inline-block',
    padding: '1px 8px',
    borderRadius: 4,
    fontSize: 'var(--mantine-font-size-xs)',
    fontWeight: 600,
    lineHeight: 1.6,
    whiteSpace: 'nowrap' as const,
    color: `var(--mantine-color-${colour}-9)`,
    background: `var(--mantine-color-${colour}-0)`,
    border: `1px solid var(--mantine-color-${colour}-3)`,
  };
  if (!props.onChange) return <span style={style}>{word}</span>;
  return (
    <UnstyledButton
      style={style}
      onClick={props.onChange}
      aria-label={`${word} for ${props.initiative.code}: ${props.person.name}. Change`}
    >
      {word}
      <span aria-hidden="true" className="no-print" style={{ marginLeft: 4 }}>
        ✎
      </span>
    </UnstyledButton>
  );
}
