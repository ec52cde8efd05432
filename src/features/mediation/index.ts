/** The public API of the buurtbemiddeling feature (the dashboard tab and the steering-group digest use the statistics). */
export { mediationFeature } from './mediation-feature.js';
export { mediationStatistics, type MediationStatistics, type LeadTime } from './mediation-statistics.js';
export { eraseExpiredPersonalData, erasePersonalData, exportCase, readCaseForCoordinator, type CaseExport } from './personal-data-access.js';
export { createCase } from './create-case.js';
export { applyCoordinatorAction } from './apply-coordinator-action.js';
export { validateIntake, intakeSchema, type Intake } from './intake-schema.js';
export { formatCaseNumber } from './case-number.js';
export type { CaseFacts, CasePersonalData } from './case-records.js';
export * from './mediation-options.js';
