import type { CaseStatus, Outcome } from './mediation-options.js';

export type CoordinatorAction =
  | { action: 'accept'; volunteers: [string, string] }
  | { action: 'referProfessional' }
  | { action: 'notSuitable'; reason: string }
  | { action: 'close'; outcome: Outcome };

export type CoordinatorActionName = CoordinatorAction['action'];

/** Which action may follow which status, and where it leads. Closed and not suitable are final. */
const transitions: Record<CoordinatorActionName, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  accept: { from: ['new'], to: 'accepted' },
  referProfessional: { from: ['new', 'accepted'], to: 'referred' },
  notSuitable: { from: ['new', 'accepted'], to: 'not_suitable' },
  close: { from: ['accepted', 'referred'], to: 'closed' },
};

export function allowedFrom(action: CoordinatorActionName): readonly CaseStatus[] {
  return transitions[action].from;
}

export function nextStatus(status: CaseStatus, action: CoordinatorActionName): CaseStatus | undefined {
  const rule = transitions[action];
  return rule.from.includes(status) ? rule.to : undefined;
}

/** The actions a coordinator can still take on a case in this status (the buttons on the card). */
export function availableActions(status: CaseStatus): CoordinatorActionName[] {
  return (Object.keys(transitions) as CoordinatorActionName[]).filter((a) => transitions[a].from.includes(status));
}
