// What the app's frame uses of the steps: the cycle the navigation's step statuses come from.
export { currentCycleOf, useCurrentCycle } from './current-cycle';
