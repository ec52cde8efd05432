import type { MilestoneRegister } from '../features/approvals/index.js';
import type { KnowledgeBase } from '../features/knowledge/index.js';
import type { Core } from '../features/feature-context.js';
import type { DashboardSources } from './dashboard-contract.js';
import { approvalsSources } from './sources/approvals-sources.js';
import { knowledgeSources } from './sources/knowledge-sources.js';
import { mediationSources } from './sources/mediation-sources.js';

/**
 * The real data behind the tab, one feature module per source. A source whose feature is missing
 * would answer `available: false` ("not available") rather than show made-up data.
 */
export function createDashboardSources(core: Core, shared: { milestones: MilestoneRegister; knowledge: KnowledgeBase }): DashboardSources {
  return { ...knowledgeSources(core, shared.knowledge), ...approvalsSources(core, shared.milestones), ...mediationSources(core) };
}
