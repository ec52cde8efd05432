import type { Organisation } from '../../organisation/organisation.js';
import type { Role } from '../../organisation/organisation-schema.js';

export const approvalStatuses = ['requested', 'approved', 'rejected', 'changes_requested', 'cancelled'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];

export type Decision = 'approve' | 'reject' | 'requestChanges';
export type ApprovalStep = Decision | 'request' | 'resubmit' | 'cancel';

/** The audit's name for each step (stable, for the archive). */
export const auditAction: Record<ApprovalStep, string> = {
  request: 'requested',
  resubmit: 'resubmitted',
  approve: 'approved',
  reject: 'rejected',
  requestChanges: 'changes_requested',
  cancel: 'cancelled',
};

/**
 * The approval rules, in one place: each step on an existing request, the status it needs and the
 * status it leaves. A closed request (approved, rejected, cancelled) takes no step; asking again for
 * its milestone makes a new request (`nextRequestStep`). The use cases check and write through this.
 */
export const transitions = {
  approve: { from: 'requested', to: 'approved' },
  reject: { from: 'requested', to: 'rejected' },
  requestChanges: { from: 'requested', to: 'changes_requested' },
  cancel: { from: 'requested', to: 'cancelled' },
  // a new version of the same request after the approver asked for changes
  resubmit: { from: 'changes_requested', to: 'requested' },
} as const satisfies Record<Exclude<ApprovalStep, 'request'>, { from: ApprovalStatus; to: ApprovalStatus }>;

/** Whether a request in this status can take the step. */
export function stepAllowed(step: keyof typeof transitions, status: ApprovalStatus): boolean {
  return transitions[step].from === status;
}

/** What a new request for a milestone does, given the latest request for it (if any). */
export function nextRequestStep(latest: ApprovalStatus | undefined): 'new' | 'resubmit' | 'already_open' | 'already_approved' {
  if (latest === 'requested') return 'already_open';
  if (latest === 'approved') return 'already_approved';
  if (latest && stepAllowed('resubmit', latest)) return 'resubmit';
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
