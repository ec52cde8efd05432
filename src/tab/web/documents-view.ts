import type { Api, DocumentItem, SearchHit, Section } from './api.js';
import { format, h, safeHref } from './dom.js';
import { empty, notAvailable } from './sections.js';
import type { Texts } from './texts.js';

function titleNode(title: string, url: string | undefined): HTMLElement {
  const href = safeHref(url);
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, title) : h('strong', {}, title);
}

/** "11 juli 2023", as the milestones timeline writes dates. */
function day(iso: string, locale: string): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function documentList(docs: DocumentItem[], texts: Texts, locale: string): HTMLElement {
  return h(
    'ul',
    { class: 'documents' },
    ...docs.map((d) =>
      h(
        'li',
        {},
        titleNode(d.title, d.url),
        h('span', { class: 'muted' }, [d.gemeente, d.kind, d.updated ? format(texts.updated, { date: day(d.updated, locale) }) : undefined].filter(Boolean).join(' · ')),
      ),
    ),
  );
}

/** Each result opens (a disclosure) to show where in the document the words stand and the other passages that match. */
function hitList(hits: SearchHit[], texts: Texts): HTMLElement {
  return h(
    'ul',
    { class: 'documents' },
    ...hits.map((hit) => {
      const title = hit.page ? `${hit.title} (${format(texts.page, { page: hit.page })})` : hit.title;
      const details = h(
        'details',
        { class: 'hit' },
        h('summary', {}, h('strong', {}, title), hit.snippet ? h('p', {}, hit.snippet) : null),
        hit.about ? h('p', { class: 'muted' }, hit.about) : null,
        hit.section ? h('p', { class: 'muted' }, format(texts.fromSection, { section: hit.section })) : null,
        ...(hit.more ?? []).map((m) => h('blockquote', {}, h('p', { class: 'muted' }, format(texts.fromSection, { section: m.section })), h('p', {}, m.text))),
        safeHref(hit.url) ? titleNode(texts.openDocument, hit.url) : null,
      );
      return h('li', {}, details);
    }),
  );
}

/** The document list with a search box that asks the bot's own retrieval, debounced while typing. */
export function documentsView(data: Section<DocumentItem>, texts: Texts, api: Api, locale = 'nl'): HTMLElement {
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', id: 'search-status' });
  const results = h('div', {});
  const list = data.available ? (data.items.length ? documentList(data.items, texts, locale) : empty(texts)) : notAvailable(texts);
  const field = h('fluent-text-field', { type: 'search', id: 'document-search', placeholder: texts.searchPlaceholder, 'aria-label': texts.searchLabel, maxlength: '200' }, texts.searchLabel);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;
  const showList = () => {
    status.textContent = data.available ? format(texts.documentCount, { count: data.items.length }) : '';
    results.replaceChildren(list);
  };
  const run = async (q: string) => {
    inflight?.abort();
    if (q.trim().length < 2) return showList();
    inflight = new AbortController();
    try {
      const answer = await api.search(q, inflight.signal);
      if (!answer.available) {
        status.textContent = '';
        results.replaceChildren(notAvailable(texts));
        return;
      }
      status.textContent = answer.items.length ? format(texts.searchResults, { count: answer.items.length, query: answer.query }) : format(texts.noResults, { query: answer.query });
      const parts: Node[] = [];
      if (answer.truncated) parts.push(h('p', { class: 'muted' }, texts.searchTruncated));
      if (answer.items.length) parts.push(hitList(answer.items, texts));
      results.replaceChildren(...parts);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = texts.loadFailed;
    }
  };
  field.addEventListener('input', () => {
    clearTimeout(timer);
    const value = (field as unknown as { value: string }).value ?? '';
    timer = setTimeout(() => void run(value), 300);
  });
  showList();
  return h('div', {}, h('div', { class: 'search', role: 'search' }, field), status, results);
}
