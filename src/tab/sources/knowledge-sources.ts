import type { Core } from '../../features/feature-context.js';
import { headingLine } from '../../documents/index.js';
import { currentPriorities, type KnowledgeBase, type KnowledgeDocument } from '../../features/knowledge/index.js';
import type { DashboardSources, Priority } from '../dashboard-contract.js';
import { commonCompoundParts, splitCompound } from '../../features/knowledge/text/compounds.js';

/** Documents of the tenant's gemeenten plus the general ones (no gemeente). */
function forTenant(core: Core, tenantId: string) {
  const gemeenten = new Set(core.organisation.gemeenten(tenantId).map((g) => g.toLowerCase()));
  return (d: Pick<KnowledgeDocument, 'gemeente'>) => !d.gemeente || gemeenten.has(d.gemeente.toLowerCase());
}

/** A heading set in capitals ("KERNBOODSCHAP") as it reads in a sentence ("Kernboodschap"). */
export function readableHeading(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || letters !== letters.toUpperCase()) return title;
  const lower = title.toLowerCase();
  return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
}

function dutchDate(iso: string, locale: 'nl' | 'en'): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** The words of a search worth finding in a snippet (three letters or more). */
function searchTerms(query: string): string[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
  // A compound is found by its parts as the retrieval finds it ("cameratoezicht" in "camera's"): the parts count as the word.
  const parts = words.flatMap((w) => splitCompound(w, commonCompoundParts())).filter((p) => p.length >= 6);
  return [...new Set([...words, ...parts])];
}
function containsTerm(text: string, terms: readonly string[]): boolean {
  const folded = fold(text);
  return terms.some((t) => folded.includes(t));
}

/** Sentences of a document that contain a search word, when the retrieval's best passages do not (a stem or compound matched). */
async function sentencesWith(kb: KnowledgeBase, documentId: number, terms: readonly string[]): Promise<{ section: string; text: string }[]> {
  if (terms.length === 0) return [];
  const passages = await kb.passagesOf([documentId], terms);
  const out: { section: string; text: string }[] = [];
  for (const p of passages) for (const s of p.sentences) if (containsTerm(s.text, terms) && out.length < 4) out.push({ section: p.sectionTitle, text: s.text });
  return out;
}

/** Priorities, documents and search from the knowledge base: the same retrieval the bot answers with. */
export function knowledgeSources(core: Core, kb: KnowledgeBase): Pick<DashboardSources, 'priorities' | 'documents' | 'search'> {
  return {
    async priorities(ctx) {
      const items: Priority[] = [];
      for (const gemeente of core.organisation.gemeenten(ctx.tenantId)) {
        const answer = await currentPriorities(kb, gemeente, ctx.locale);
        if (answer.abstained) continue;
        answer.citations.forEach((claim, i) => {
          const passage = answer.passages[i];
          const document = passage?.document.title ?? claim.appearance.name;
          // The whole quote, never the citation's 160-character abstract cut mid-sentence: a lead-in
          // with a list shows the lead-in as the title and the list below it.
          const quote = answer.quotes?.[i] ?? claim.appearance.abstract;
          const listAt = quote.indexOf(': ');
          const split = listAt > 0 && quote.indexOf('; ', listAt) > 0;
          // Where in the document: the stored heading path ("3. Prioriteiten › Ondermijning"), not just the last heading.
          const where = passage ? (passage.headingPath.length ? headingLine(passage.headingPath.map(readableHeading)) : readableHeading(passage.sectionTitle)) : '';
          items.push({
            gemeente,
            title: (split ? quote.slice(0, listAt + 1) : quote).slice(0, 300),
            ...(split ? { summary: quote.slice(listAt + 2).slice(0, 2000) } : {}),
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
      const terms = searchTerms(query);
      return {
        available: true,
        items: await Promise.all(
          hits.map(async (h) => {
            // The snippet shows the words searched for: a passage (or sentence) that contains them.
            const own = h.passages.filter((p) => containsTerm(p.excerpt, terms));
            const found = own.length ? own.map((p) => ({ section: p.sectionTitle, text: p.excerpt })) : await sentencesWith(kb, h.document.id, terms);
            const [first, ...rest] = found;
            return {
              documentId: String(h.document.id),
              title: h.document.title,
              snippet: (first?.text ?? '').slice(0, 1000),
              ...(first?.section ? { section: readableHeading(first.section).slice(0, 300) } : {}),
              more: rest.slice(0, 5).map((p) => ({ section: readableHeading(p.section).slice(0, 300), text: p.text.slice(0, 1000) })),
              about: [h.document.gemeente, h.document.docType, h.document.date ? dutchDate(h.document.date, ctx.locale) : undefined].filter(Boolean).join(' · ').slice(0, 300),
            };
          }),
        ).then((items) => items.filter((i) => i.snippet || containsTerm(i.title, terms))),
      };
    },
  };
}
