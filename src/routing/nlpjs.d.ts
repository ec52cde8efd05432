// NLP.js ships no type declarations; these cover the few calls the intent classifier makes.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(settings?: Record<string, unknown>): Container;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NlpResult {
    locale: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export class Nlp {
    constructor(settings?: Record<string, unknown>, container?: Container);
    addLanguage(locale: string): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<NlpResult>;
    export(minified?: boolean): string;
    import(data: string): void;
  }
}

declare module '@nlpjs/lang-nl' {
  export const LangNl: unknown;
}
