import type { Core } from '../../app/core.js';
import { headingLine } from '../../documents/index.js';
import { currentPriorities, knowledgeBase, type KnowledgeDocument } from '../../features/knowledge/index.js';
import type { DashboardSources, Priority } from '../dashboard-contract.js';

/** Documents of the tenant's gemeenten plus the general ones (no gemeente). */
function forTenant(core: Core, tenantId: string) {
  const gemeenten = new Set(core.organisation.gemeenten(tenantId).map((g) => g.toLowerCase()));
  return (d: Pick<KnowledgeDocument, 'gemeente'>) => !d.gemeente || gemeenten.has(d.gemeente.toLowerCase());
}

/** Priorities, documents and search from the knowledge base: the same retrieval the bot answers with. */
export function knowledgeSources(core: Core): Pick<DashboardSources, 'priorities' | 'documents' | 'search'> {
  const kb = knowledgeBase(core.db);
  return {
    async priorities(ctx) {
      const items: Priority[] = [];
      for (const gemeente of core.organisation.gemeenten(ctx.tenantId)) {
        const answer = await currentPriorities(kb, gemeente, ctx.locale);
        if (answer.abstained) continue;
        answer.citations.forEach((claim, i) => {
          const passage = answer.passages[i];
          const document = passage?.document.title ?? claim.appearance.name;
          // Where in the document: the stored heading path ("3. Prioriteiten › Ondermijning"), not just the last heading.
          const where = passage ? headingLine(passage.headingPath) || passage.sectionTitle : '';
          items.push({
            gemeente,
            title: claim.appearance.abstract,
            sources: [{ title: where ? `${document} – ${where}` : document }],
          });
        });
      }
      return { available: true, items };
    },
    async documents(ctx) {
      const inTenant = forTenant(core, ctx.tenantId);
      const docs = (await kb.listDocuments()).filter(inTenant);
      return {
        available: true,
        items: docs.map((d) => ({ id: String(d.id), title: d.title, gemeente: d.gemeente ?? undefined, kind: d.docType, updated: d.date ?? undefined })),
      };
    },
    async search(ctx, query) {
      if (query.trim().length < 2) return { available: true, items: [] };
      const inTenant = forTenant(core, ctx.tenantId);
      const hits = (await kb.searchDocuments(query, { limit: 20 })).filter((h) => inTenant(h.document));
      return {
        available: true,
        items: hits.map((h) => ({
          documentId: String(h.document.id),
          title: h.document.title,
          snippet: (h.passages[0]?.excerpt ?? '').slice(0, 1000),
        })),
      };
    },
  };
}
