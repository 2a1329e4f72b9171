import {
  MISS_CATEGORIES,
  type MilestoneStatus,
  type MissCategory,
  missCategoryFromReason,
  type MissReason,
} from '@roi/domain';
import { type FieldError, ValidationProblem } from '../../common/problem-details/problem';

export interface StatusFields {
  status: MilestoneStatus;
  doneOn: string | null;
  missReason: MissReason | null;
  missCategory: MissCategory | null;
  missNote: string | null;
}

/**
 * The status a change leads to, with the fields that go with it: a done milestone records the
 * day it was done (today unless given, never later than today), a missed one what it was missed
 * for (its category) and any other status neither. A field that contradicts the resulting status
 * is refused rather than silently dropped.
 *
 * The category comes from `missCategory` when given; a change that gives only the older
 * `missReason` (as clients written before categories do) gets the category that reason maps to,
 * so that every missed milestone is counted. A reason stays optional: one given only a category
 * has none.
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
  refuseUnless('missCategory', change.missCategory, 'missed');
  refuseUnless('missNote', change.missNote, 'missed');

  let next: StatusFields = {
    status,
    doneOn: null,
    missReason: null,
    missCategory: null,
    missNote: null,
  };
  if (status === 'done') {
    const doneOn = change.doneOn !== undefined ? change.doneOn : stays ? current.doneOn : today;
    if (doneOn === null) errors.push({ field: 'doneOn', reason: 'is required when done' });
    else if (doneOn > today) {
      errors.push({ field: 'doneOn', reason: `must not be after today (${today})` });
    }
    next = { ...next, doneOn };
  }
  if (status === 'missed') {
    const kept = <K extends keyof StatusFields>(field: K): StatusFields[K] | null =>
      change[field] !== undefined
        ? (change[field] as StatusFields[K])
        : stays
          ? current[field]
          : null;
    const missReason = kept('missReason');
    const missCategory =
      change.missCategory ??
      (change.missReason ? missCategoryFromReason(change.missReason) : kept('missCategory'));
    const missNote = kept('missNote');
    if (missCategory === null) {
      errors.push({
        field: 'missCategory',
        reason: `is required when the status is missed (${MISS_CATEGORIES.join(', ')}), unless missReason is given`,
      });
    }
    next = { ...next, missReason, missCategory, missNote: missNote === '' ? null : missNote };
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
  return next;
}
