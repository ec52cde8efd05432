import type { Core } from '../../features/feature-context.js';
import type { MilestoneRegister } from '../../features/approvals/index.js';
import type { DashboardSources, Milestone } from '../dashboard-contract.js';

const statusOf: Record<string, Milestone['status']> = {
  planned: 'open',
  requested: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  changes_requested: 'changes_requested',
  done: 'done',
};

/** The milestone register of the approvals feature, with each milestone's approval status. */
export function approvalsSources(core: Core, register: MilestoneRegister): Pick<DashboardSources, 'milestones'> {
  return {
    async milestones(ctx) {
      const list = await register.list(core.organisation.gemeenten(ctx.tenantId));
      return {
        available: true,
        items: list.map((m) => ({ id: `${m.gemeente}/${m.id}`, gemeente: m.gemeente, title: m.title, due: m.plannedDate, status: statusOf[m.effectiveStatus] ?? 'open' })),
      };
    },
  };
}
