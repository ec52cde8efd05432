import type { Locale } from './texts.js';

export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`API answered ${status}`);
  }
}

export interface Section<T> {
  available: boolean;
  items: T[];
}
export interface SourceRef {
  title: string;
  url?: string;
  page?: number;
}
export interface Priority {
  gemeente: string;
  title: string;
  summary?: string;
  sources: SourceRef[];
}
export interface Milestone {
  id: string;
  gemeente: string;
  title: string;
  due: string;
  status: 'open' | 'pending' | 'approved' | 'rejected' | 'changes_requested' | 'done';
}
export interface Count {
  key: string;
  label: string;
  count: number;
}
export interface MediationStats {
  total: number;
  byMonth: { month: string; count: number }[];
  byStatus: Count[];
  byKind: Count[];
  bySource: Count[];
  leadTimeDays: { toAccepted: number | null; toClosed: number | null };
}
export interface DocumentItem {
  id: string;
  title: string;
  gemeente?: string;
  kind?: string;
  updated?: string;
  url?: string;
}
export interface SearchHit {
  documentId: string;
  title: string;
  snippet: string;
  section?: string;
  more?: { section: string; text: string }[];
  about?: string;
  page?: number;
  url?: string;
}

export function createApi(token: () => Promise<string | undefined>, locale: Locale) {
  async function get<T>(path: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
    const query = new URLSearchParams({ ...params, locale });
    const bearer = await token();
    const res = await fetch(`/api/tab/${path}?${query}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {}, signal });
    if (!res.ok) throw new ApiError(res.status);
    return (await res.json()) as T;
  }
  return {
    priorities: () => get<Section<Priority>>('priorities'),
    milestones: () => get<Section<Milestone>>('milestones'),
    mediation: () => get<{ available: boolean; stats: MediationStats | null }>('mediation'),
    documents: () => get<Section<DocumentItem>>('documents'),
    search: (q: string, signal: AbortSignal) => get<Section<SearchHit> & { query: string; truncated: boolean }>('search', { q }, signal),
  };
}
export type Api = ReturnType<typeof createApi>;
