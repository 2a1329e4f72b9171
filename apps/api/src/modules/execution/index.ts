// What the execution module offers other modules. The strategy map shows each initiative's
// milestones with their risk; it reads them through this, not through execution's internals.
export { readMapMilestones as milestonesForTheMap } from './milestone-representation';
