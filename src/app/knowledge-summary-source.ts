import type { Core } from '../features/feature-context.js';
import type { KnowledgeBase, KnowledgeDocument } from '../features/knowledge/index.js';
import { rankDocuments, resolveDocument, summaryDocumentFrom, type DocumentRef, type KnowledgeIngest, type SummaryDocument, type SummarySource } from '../features/summaries/index.js';

/*
 * The summaries feature's and the steering digest's view of the knowledge base, wired here in the
 * composition root: the summaries feature depends on its SummarySource and KnowledgeIngest ports only.
 */

const ref = (d: KnowledgeDocument): DocumentRef => ({ id: String(d.id), title: d.title });
const lower = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const isStatusNote = (d: KnowledgeDocument) => /stand\s+van\s+zaken/i.test(d.title);
/** What the steering group reads as a status note: a "stand van zaken", or a note or letter to the council. */
const isStatusUpdate = (d: KnowledgeDocument) => isStatusNote(d) || d.docType === 'notitie' || d.docType === 'raadsbrief';

async function summaryDocument(kb: KnowledgeBase, doc: KnowledgeDocument): Promise<SummaryDocument> {
  // The sections and sentences the document model stored at ingest: nothing is split again here.
  const sections = await kb.getDocumentSections(doc.id);
  return summaryDocumentFrom(doc.title, sections);
}

/** Stored documents from the knowledge base (which is not split per tenant, so the tenant is not used here). */
export function knowledgeSummarySource(core: Core, kb: KnowledgeBase): SummarySource {
  return {
    async latestStatusNote() {
      const notes = (await kb.listDocuments()).filter(isStatusNote);
      notes.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.ingestedAt.getTime() - a.ingestedAt.getTime());
      return notes[0] ? ref(notes[0]) : undefined;
    },
    async findByTitle(_tenantId, query) {
      const q = lower(query);
      const found = await kb.findDocumentsByTitle(query, 5);
      const exact = found.find((d) => lower(d.title) === q) ?? found.find((d) => q.length >= 4 && lower(d.title).includes(q));
      if (exact) return { match: ref(exact), suggestions: found.map(ref) };
      // Said in other words ("de notitie van Twenterand over 2023"): title words, type, gemeente and year.
      const documents = await kb.listDocuments();
      const gemeenten = [...new Set([...documents.map((d) => d.gemeente).filter((g): g is string => Boolean(g)), ...core.organisation.allGemeenten()])];
      const meant = resolveDocument(
        documents.map((d) => ({ ...d, id: String(d.id) })),
        query,
        gemeenten,
      );
      const ranked = rankDocuments(
        documents.map((d) => ({ ...d, id: String(d.id) })),
        query,
        gemeenten,
      ).map((r) => ({ id: r.document.id, title: r.document.title }));
      return { match: meant ? { id: meant.id, title: meant.title } : undefined, suggestions: ranked.length ? ranked.slice(0, 5) : found.map(ref) };
    },
    async document(_tenantId, id) {
      const doc = (await kb.listDocuments()).find((d) => String(d.id) === id);
      return doc ? summaryDocument(kb, doc) : undefined;
    },
  };
}

/**
 * Status notes added to the knowledge base after `since` (the previous steering-group update),
 * newest first, with their sections. The knowledge base is not split per tenant.
 */
export function knowledgeStatusNotes(kb: KnowledgeBase): (since: Date, limit: number) => Promise<SummaryDocument[]> {
  const at = (d: KnowledgeDocument) => new Date(d.ingestedAt).getTime();
  return async (since, limit) => {
    // New means added since the last update and, when the note is dated, written since then too:
    // a 2023 note loaded today is not news for the steering group.
    const sinceDay = since.toISOString().slice(0, 10);
    const added = (await kb.listDocuments()).filter((d) => isStatusUpdate(d) && at(d) > since.getTime() && (!d.date || d.date >= sinceDay));
    added.sort((a, b) => at(b) - at(a));
    return Promise.all(added.slice(0, limit).map((d) => summaryDocument(kb, d)));
  };
}

/** "Toevoegen aan kennisbank": the uploaded text goes in as a text file under the name the user sent. */
export function knowledgeIngest(kb: KnowledgeBase): KnowledgeIngest {
  return {
    async addDocument(input) {
      // The upload is kept as Markdown of its document model (see upload-reader.ts), so it goes in as .md.
      const fileName = `${input.title.replace(/\.[a-z0-9]{1,5}$/i, '')}.md`;
      // The sidecar gives the title the user knows the file by; inferring one from raw text can pick a stray line.
      await kb.ingest({ fileName, buffer: new TextEncoder().encode(input.text), sidecar: { title: input.title.replace(/\.[a-z0-9]{1,5}$/i, '') } });
    },
  };
}
