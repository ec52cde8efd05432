export { steeringFeature, type SteeringFeatureOptions } from './steering-feature.js';
export type { DigestSources, DigestQuery, DigestMilestone, DigestApproval, DigestFact } from './digest-sources.js';
export { steeringDigestJobs, CATCH_UP_WINDOW_MS, DIGEST_JOB } from './steering-schedule.js';
