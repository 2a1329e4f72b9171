import type { FormValidateInput } from '@mantine/form';
import { DECIMAL_MONEY_PATTERN, isIsoDate, PLAN_CODE_PATTERN } from '@roi/domain';
import type { Initiative } from '../plan/plan.queries';

export interface InitiativeValues {
  code: string;
  name: string;
  objectiveIds: string[];
  budget: string;
  accountableUserId: string;
  responsibleUserId: string;
  channels: string[];
  startsOn: string;
  endsOn: string;
  description: string;
  isExperiment: boolean;
  hypothesis: string;
  successCriteria: string;
  killCriteria: string;
  decisionDate: string;
  experimentOutcome: string | null;
  lessons: string;
}

/** An initiative as the form edits it: absent text and dates as empty strings. */
export const toValues = (initiative: Initiative): InitiativeValues => ({
  code: initiative.code,
  name: initiative.name,
  objectiveIds: initiative.objectiveIds,
  budget: initiative.budget,
  accountableUserId: initiative.accountableUserId,
  responsibleUserId: initiative.responsibleUserId,
  channels: initiative.channels,
  startsOn: initiative.startsOn ?? '',
  endsOn: initiative.endsOn ?? '',
  description: initiative.description,
  isExperiment: initiative.isExperiment,
  hypothesis: initiative.hypothesis ?? '',
  successCriteria: initiative.successCriteria ?? '',
  killCriteria: initiative.killCriteria ?? '',
  decisionDate: initiative.decisionDate ?? '',
  experimentOutcome: initiative.experimentOutcome,
  lessons: initiative.lessons ?? '',
});

const optionalDate = (value: string) => (!value || isIsoDate(value) ? null : 'Choose a date');
const atMost = (limit: number) => (value: string) =>
  value.length > limit ? `At most ${limit} characters` : null;
const orNull = (value: string) => (value.trim() ? value.trim() : null);

/** A new initiative's values, serving `objectiveId` when it is added under an objective. */
export const newInitiativeValues = (objectiveId?: string): InitiativeValues => ({
  code: '',
  name: '',
  objectiveIds: objectiveId ? [objectiveId] : [],
  budget: '',
  accountableUserId: '',
  responsibleUserId: '',
  channels: [],
  startsOn: '',
  endsOn: '',
  description: '',
  isExperiment: false,
  hypothesis: '',
  successCriteria: '',
  killCriteria: '',
  decisionDate: '',
  experimentOutcome: null,
  lessons: '',
});

/**
 * The rules the API holds an initiative to, checked before asking it; an experiment must state
 * its hypothesis.
 */
export const initiativeRules: FormValidateInput<InitiativeValues> = {
  code: (value) =>
    !value
      ? 'Give it a short code, e.g. I-ASK'
      : value.length > 32
        ? 'At most 32 characters'
        : PLAN_CODE_PATTERN.test(value)
          ? null
          : 'Letters, digits, dots, dashes or underscores',
  name: (value) =>
    !value.trim() ? 'Name the initiative' : value.length > 200 ? 'At most 200 characters' : null,
  objectiveIds: (value) => (value.length ? null : 'Choose at least one objective it serves'),
  budget: (value) =>
    DECIMAL_MONEY_PATTERN.test(value.trim())
      ? null
      : 'An amount such as 12500 or 12500.50, without separators',
  accountableUserId: (value) => (value ? null : 'Choose who is accountable for the strategy'),
  responsibleUserId: (value) => (value ? null : 'Choose who is responsible for execution'),
  channels: (value) =>
    value.length > 20
      ? 'At most 20 channels'
      : value.some((channel) => channel.length > 64)
        ? 'A channel name has at most 64 characters'
        : null,
  startsOn: optionalDate,
  endsOn: (value, values) =>
    optionalDate(value) ??
    (value && values.startsOn && value < values.startsOn ? 'Must be on or after the start' : null),
  description: atMost(5000),
  hypothesis: (value, values) =>
    values.isExperiment && !value.trim()
      ? 'An experiment tests a hypothesis: state it'
      : atMost(2000)(value),
  successCriteria: atMost(2000),
  killCriteria: atMost(2000),
  decisionDate: optionalDate,
  lessons: atMost(5000),
};

/** The request body: text trimmed, empty optional fields sent as null. */
export function initiativeBody(values: InitiativeValues) {
  return {
    code: values.code,
    name: values.name.trim(),
    objectiveIds: values.objectiveIds,
    budget: values.budget.trim(),
    accountableUserId: values.accountableUserId,
    responsibleUserId: values.responsibleUserId,
    channels: values.channels,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    description: values.description,
    isExperiment: values.isExperiment,
    hypothesis: orNull(values.hypothesis),
    successCriteria: orNull(values.successCriteria),
    killCriteria: orNull(values.killCriteria),
    decisionDate: values.decisionDate || null,
    experimentOutcome: (values.experimentOutcome || null) as Initiative['experimentOutcome'],
    lessons: orNull(values.lessons),
  };
}
