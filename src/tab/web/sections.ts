import { h } from './dom.js';
import type { Texts } from './texts.js';

/** A dashboard card with a heading; `body` is replaced when its data arrives. */
export function card(id: string, title: string, texts: Texts): { element: HTMLElement; body: HTMLElement } {
  const body = h('div', { class: 'card-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, texts.loading));
  const element = h('fluent-card', { class: 'dashboard-card' }, h('section', { 'aria-labelledby': `${id}-title`, id }, h('h2', { id: `${id}-title` }, title), body));
  return { element, body };
}

export function fill(body: HTMLElement, ...children: (Node | null)[]): void {
  body.replaceChildren(...children.filter((c): c is Node => c !== null));
  body.removeAttribute('aria-busy');
}

/** A source whose feature is not installed: said plainly, not shown as an empty list. */
export function notAvailable(texts: Texts): HTMLElement {
  return h('div', { class: 'not-available' }, h('fluent-badge', { appearance: 'neutral' }, texts.notAvailable), h('p', { class: 'muted' }, texts.notAvailableDetail));
}

export function empty(texts: Texts): HTMLElement {
  return h('p', { class: 'muted' }, texts.empty);
}

export function failed(texts: Texts, signIn: boolean): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, signIn ? texts.signInFailed : texts.loadFailed);
}
