/** The approvals feature's public API, for the app, the dashboard and the CLI. */
export { approvalsFeature } from './approvals-feature.js';
export { exportAudit, auditRecords, auditToCsv, auditToJson, type AuditRecord, type AuditQuery } from './audit-export.js';
export { sendDueReminders } from './send-due-reminders.js';
export { parsePeriod, type Period } from './dates.js';
export { MilestoneRegister, configuredMilestoneRegister, loadMilestoneFiles, parseMilestoneFile } from './milestone-register.js';
export { requestApproval } from './request-approval.js';
export { decideApproval } from './decide-approval.js';
export { milestoneProgress, waitingApprovals, type ReportedMilestone, type WaitingApproval } from './progress-report.js';
