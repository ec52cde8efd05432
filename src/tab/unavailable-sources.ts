import type { DashboardSources } from './dashboard-contract.js';

/** For a feature that is not installed: an honest "not available", never invented data. */
export const unavailableSources: DashboardSources = {
  priorities: async () => ({ available: false, items: [] }),
  milestones: async () => ({ available: false, items: [] }),
  mediationStats: async () => ({ available: false, stats: null }),
  documents: async () => ({ available: false, items: [] }),
  search: async () => ({ available: false, items: [] }),
};
