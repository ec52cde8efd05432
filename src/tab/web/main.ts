import { fluentBadge, fluentCard, fluentTextField, provideFluentDesignSystem } from '@fluentui/web-components';
import { ApiError, createApi } from './api.js';
import { documentsView } from './documents-view.js';
import { h } from './dom.js';
import { mediationView } from './mediation-view.js';
import { milestonesView } from './milestones-view.js';
import { prioritiesView } from './priorities-view.js';
import { card, failed, fill } from './sections.js';
import { connectHost } from './teams-host.js';
import { loadTexts } from './texts.js';
import { applyTheme } from './theme.js';
import './tab.css';

provideFluentDesignSystem().register(fluentCard(), fluentBadge(), fluentTextField());

async function start(): Promise<void> {
  const host = await connectHost(location.search);
  const texts = loadTexts(host.locale);
  document.documentElement.lang = host.locale;
  document.title = texts.pageTitle;
  applyTheme(host.theme);

  const api = createApi(host.token, host.locale);
  const priorities = card('priorities', texts.prioritiesTitle, texts);
  const milestones = card('milestones', texts.milestonesTitle, texts);
  const mediation = card('mediation', texts.mediationTitle, texts);
  const documents = card('documents', texts.documentsTitle, texts);
  const app = document.getElementById('app')!;
  app.replaceChildren(
    h('header', {}, h('h1', {}, texts.heading), h('p', { class: 'muted' }, texts.intro)),
    h('main', { class: 'grid' }, priorities.element, milestones.element, mediation.element, documents.element),
  );
  app.removeAttribute('aria-busy');

  const load = async <T>(body: HTMLElement, fetchData: () => Promise<T>, render: (data: T) => HTMLElement) => {
    try {
      const data = await fetchData();
      fill(body, render(data));
      return data;
    } catch (error) {
      fill(body, failed(texts, error instanceof ApiError && error.status === 401));
      return undefined;
    }
  };
  const [, , mediationData] = await Promise.all([
    load(priorities.body, api.priorities, (d) => prioritiesView(d, texts)),
    load(milestones.body, api.milestones, (d) => milestonesView(d, texts, host.locale)),
    load(mediation.body, api.mediation, (d) => mediationView(d, texts)),
    load(documents.body, api.documents, (d) => documentsView(d, texts, api, host.locale)),
  ]);
  document.body.dataset.loaded = 'true';

  host.onThemeChange((theme) => {
    applyTheme(theme);
    // Charts paint with the theme's colours, so they are drawn again.
    if (mediationData) fill(mediation.body, mediationView(mediationData, texts));
  });
}

void start();
