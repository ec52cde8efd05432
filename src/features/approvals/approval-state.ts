import type { Organisation } from '../../organisation/organisation.js';
import type { Role } from '../../organisation/organisation-schema.js';

export const approvalStatuses = ['requested', 'approved', 'rejected', 'changes_requested', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export type Decision = 'approve' | 'reject' | 'requestChanges';
export type ApprovalStep = Decision | 'request' | 'resubmit' | 'cancel';

export const statusAfterDecision: Record<Decision, ApprovalStatus> = {
  approve: 'approved',
  reject: 'rejected',
  requestChanges: 'changes_requested',
};

/** The audit's name for each step (stable, for the archive). */
export const auditAction: Record<ApprovalStep, string> = {
  request: 'requested',
  resubmit: 'resubmitted',
  approve: 'approved',
  reject: 'rejected',
  requestChanges: 'changes_requested',
  cancel: 'cancelled',
};

const transitions: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  requested: ['approved', 'rejected', 'changes_requested', 'cancelled'],
  // a new version of the same request after the approver asked for changes
  changes_requested: ['requested'],
  approved: [],
  rejected: [],
  cancelled: [],
};

export function canTransition(from: ApprovalStatus, to: ApprovalStatus): boolean {
  return transitions[from].includes(to);
}

export function isOpen(status: ApprovalStatus): boolean {
  return status === 'requested';
}

/** What a new request for a milestone does, given the latest request for it (if any). */
export function nextRequestStep(latest: ApprovalStatus | undefined): 'new' | 'resubmit' | 'already_open' | 'already_approved' {
  if (latest === 'requested') return 'already_open';
  if (latest === 'approved') return 'already_approved';
  if (latest === 'changes_requested') return 'resubmit';
  return 'new';
}

export interface DeciderCheck {
  tenantId: string | undefined;
  aadObjectId: string | undefined;
  approverRole: Role;
  gemeente: string;
  at: Date;
}

/**
 * Whether this user may decide: the approver role for the gemeente, directly or as a delegate
 * (loco-burgemeester) within the delegation period. Never derived from card data.
 */
export function mayDecide(organisation: Organisation, check: DeciderCheck): boolean {
  return organisation.hasRole({ tenantId: check.tenantId, aadObjectId: check.aadObjectId }, check.approverRole, { gemeente: check.gemeente, at: check.at });
}
