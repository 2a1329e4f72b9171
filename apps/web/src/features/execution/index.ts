// What execution offers the rest of the app: the strategy map opens, adds and edits milestones
// through these, and reaches no further into this folder.
export { MilestoneDrawer, MilestoneStatusBadge } from './MilestoneDrawer';
export { MilestoneForm } from './MilestoneForm';
export { type Milestone, useMilestone, useMilestones } from './execution.queries';
