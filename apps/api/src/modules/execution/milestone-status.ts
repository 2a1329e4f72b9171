import type { MilestoneStatus, MissReason } from '@roi/domain';
import { type FieldError, ValidationProblem } from '../../common/problem-details/problem';

export interface StatusFields {
  status: MilestoneStatus;
  doneOn: string | null;
  missReason: MissReason | null;
  missNote: string | null;
}

/**
 * The status a change leads to, with the fields that go with it: a done milestone records the
 * day it was done (today unless given, never later than today), a missed one why it was missed
 * (the plan, the execution, or the world) and any other status neither. A field that contradicts
 * the resulting status is refused rather than silently dropped.
 */
export function nextStatusFields(
  current: StatusFields,
  change: Partial<StatusFields>,
  today: string,
): StatusFields {
  const status = change.status ?? current.status;
  const stays = status === current.status;
  const errors: FieldError[] = [];
  const refuseUnless = (field: keyof StatusFields, value: unknown, when: MilestoneStatus) => {
    if (value !== undefined && value !== null && status !== when) {
      errors.push({ field, reason: `is only set when the status is ${when}` });
    }
  };
  refuseUnless('doneOn', change.doneOn, 'done');
  refuseUnless('missReason', change.missReason, 'missed');
  refuseUnless('missNote', change.missNote, 'missed');

  let next: StatusFields = { status, doneOn: null, missReason: null, missNote: null };
  if (status === 'done') {
    const doneOn = change.doneOn !== undefined ? change.doneOn : stays ? current.doneOn : today;
    if (doneOn === null) errors.push({ field: 'doneOn', reason: 'is required when done' });
    else if (doneOn > today) {
      errors.push({ field: 'doneOn', reason: `must not be after today (${today})` });
    }
    next = { ...next, doneOn };
  }
  if (status === 'missed') {
    const missReason =
      change.missReason !== undefined ? change.missReason : stays ? current.missReason : null;
    const missNote =
      change.missNote !== undefined ? change.missNote : stays ? current.missNote : null;
    if (missReason === null) {
      errors.push({
        field: 'missReason',
        reason: 'is required when the status is missed (plan, execution or external)',
      });
    }
    next = { ...next, missReason, missNote: missNote === '' ? null : missNote };
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
  return next;
}
