import restify from 'restify';
import type { Core } from '../../src/features/feature-context.js';
import type { DashboardSources } from '../../src/tab/dashboard-contract.js';
import { registerTabRoutes } from '../../src/tab/tab-routes.js';

/**
 * Test data for the tab (fixtures, not production code): what the feature modules would answer.
 * Some values carry extra keys a careless source might leak, to prove the API strips them.
 */
export const fixtureSources: DashboardSources = {
  priorities: async () => ({
    available: true,
    items: [
      {
        gemeente: 'Hengelo',
        title: 'Ondermijning aanpakken',
        summary: 'Samen met de politie zicht op vastgoed en bedrijven.',
        sources: [{ title: 'Integraal Veiligheidsplan Hengelo 2024-2027', url: 'https://example.nl/ivp-hengelo.pdf', page: 12 }],
      },
      { gemeente: 'Hengelo', title: 'Jeugdoverlast', sources: [{ title: 'Jaarschijf 2026' }] },
      {
        gemeente: 'Twenterand',
        title: 'Woninginbraak voorkomen',
        summary: 'Buurtpreventie en WhatsApp-groepen.',
        sources: [{ title: 'Veiligheidsplan Twenterand', url: 'https://example.nl/twenterand.pdf' }],
      },
      { gemeente: 'Heemstede', title: '<script>alert(1)</script> Cybercrime', sources: [] },
    ],
  }),
  milestones: async () => ({
    available: true,
    items: [
      { id: 'm1', gemeente: 'Hengelo', title: 'Vaststelling jaarschijf', due: '2026-03-01', status: 'approved' },
      { id: 'm2', gemeente: 'Twenterand', title: 'Evaluatie cameratoezicht', due: '2026-05-15', status: 'pending' },
      { id: 'm3', gemeente: 'Heemstede', title: 'Start pilot buurtbemiddeling', due: '2026-09-01', status: 'open' },
    ],
  }),
  mediationStats: async () => ({
    available: true,
    stats: {
      from: null,
      to: null,
      total: 14,
      byMonth: [
        { month: '2026-01', count: 3 },
        { month: '2026-02', count: 5 },
        { month: '2026-03', count: 6 },
      ],
      byStatus: [
        { key: 'new', label: 'Nieuw', count: 4 },
        { key: 'accepted', label: 'Gestart', count: 6 },
        { key: 'closed', label: 'Afgerond', count: 4 },
      ],
      byKind: [
        { key: 'noise', label: 'Geluidsoverlast', count: 8 },
        { key: 'parking', label: 'Parkeren', count: 4 },
        { key: 'pets', label: 'Huisdieren', count: 2 },
      ],
      bySource: [{ key: 'politie', label: 'Politie', count: 14 }],
      leadTimeDays: { toAccepted: 6.5, toClosed: 41 },
      // A leak a source must never get through: the contract drops it.
      ...({ cases: [{ naam: 'Jan Jansen', telefoon: '0612345678' }] } as object),
    },
  }),
  documents: async () => ({
    available: true,
    items: [
      { id: 'd1', title: 'Integraal Veiligheidsplan Hengelo 2024-2027', gemeente: 'Hengelo', kind: 'beleidsplan', updated: '2025-12-01' },
      { id: 'd2', title: 'Veiligheidsplan Twenterand', gemeente: 'Twenterand', kind: 'beleidsplan', url: 'https://example.nl/twenterand.pdf' },
    ],
  }),
  search: async (_ctx, query) => ({
    available: true,
    items: query.toLowerCase().includes('camera')
      ? [{ documentId: 'd2', title: 'Veiligheidsplan Twenterand', snippet: `Cameratoezicht in het centrum wordt in 2026 geëvalueerd. <b>${query.slice(0, 40)}</b>`, page: 4 }]
      : [],
  }),
};

/** The tab's routes on their own server, over a running bot's core, with the given sources. */
/** As for a feature that is not installed: an honest "not available", never invented data. */
export const unavailableSources: DashboardSources = {
  priorities: async () => ({ available: false, items: [] }),
  milestones: async () => ({ available: false, items: [] }),
  mediationStats: async () => ({ available: false, stats: null }),
  documents: async () => ({ available: false, items: [] }),
  search: async () => ({ available: false, items: [] }),
};

export async function startTabServer(core: Core, sources: DashboardSources): Promise<{ url: string; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'tab-test' });
  registerTabRoutes(server, { config: core.config, log: core.log, ready: Promise.resolve(core), isServing: () => true, sources: () => sources });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Let the ready promise's continuation run before the first request.
  await new Promise((resolve) => setImmediate(resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
