// What the rest of the app uses of the strategy cycles: the cycles themselves and the parts of a
// step (status, schedule, exit criteria, sign-off) that the roadmap and each step's workspace share.
export { type Cycle, type Step, useCycle, useCycles } from './cycles.queries';
export { type StepAbilities, stepAbilities } from './step-abilities';
export { STEP_STATUS, StepCriteria, StepSchedule, StepSignOff, StepStatusBadge } from './StepParts';
