/**
 * What the answerer needs from a language model, without the openai package's types: the use case
 * and its tests depend on this, only openai-client.ts implements it.
 */
export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Stream the reply; `onText` gets the whole text so far after each chunk. */
  stream: boolean;
  onText?: (textSoFar: string) => void;
  /** Aborts the call (the overall deadline). */
  signal: AbortSignal;
}

export interface ChatResult {
  text: string;
  usage?: TokenUsage;
}

export interface ChatModel {
  /** The model or deployment name, for the log and the stored answer. */
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

/** Why a model call gave no reply; each kind ends in the offline answer. */
export type ChatFailure = 'timeout' | 'rate-limited' | 'service' | 'empty';

export class ChatModelError extends Error {
  constructor(
    readonly failure: ChatFailure,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChatModelError';
  }
}
