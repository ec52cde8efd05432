import type { Priority, Section } from './api.js';
import { format, h, safeHref } from './dom.js';
import { empty, notAvailable } from './sections.js';
import type { Texts } from './texts.js';

export function prioritiesView(data: Section<Priority>, texts: Texts): HTMLElement {
  if (!data.available) return notAvailable(texts);
  if (data.items.length === 0) return empty(texts);
  const byGemeente = new Map<string, Priority[]>();
  for (const p of data.items) byGemeente.set(p.gemeente, [...(byGemeente.get(p.gemeente) ?? []), p]);
  const groups = [...byGemeente].map(([gemeente, priorities]) =>
    h(
      'div',
      { class: 'gemeente' },
      h('h3', {}, gemeente),
      h(
        'ol',
        { class: 'priorities' },
        ...priorities.map((p) =>
          h(
            'li',
            {},
            h('strong', {}, p.title),
            p.summary ? h('p', {}, p.summary) : null,
            p.sources.length
              ? h(
                  'p',
                  { class: 'sources' },
                  `${texts.sources}: `,
                  ...p.sources.flatMap((s, i) => {
                    const label = s.page ? `${s.title} (${format(texts.page, { page: s.page })})` : s.title;
                    const href = safeHref(s.url);
                    const node = href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label) : h('span', {}, label);
                    return i === 0 ? [node] : ['; ', node];
                  }),
                )
              : null,
          ),
        ),
      ),
    ),
  );
  return h('div', {}, ...groups);
}
