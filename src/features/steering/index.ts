export { steeringFeature, type SteeringFeatureOptions } from './steering-feature.js';
export type { DigestSources, DigestQuery, DigestMilestone, DigestApproval, DigestFact } from './digest-sources.js';
export { SteeringScheduler, parseSchedule, latestSlot } from './steering-schedule.js';
