import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError, AzureOpenAI } from 'openai';
import { ChatModelError, type ChatModel, type ChatRequest, type ChatResult, type TokenUsage } from './chat-model.js';
import type { LlmSettings } from './llm-settings.js';

/**
 * The one file that talks to the openai package: OpenAI, Azure OpenAI or any OpenAI-compatible
 * base URL. No retries here: a failed call ends in the offline answer, which is faster for the
 * user than a second wait. Errors become ChatModelError without the request (it holds the key).
 */
export function createChatModel(settings: LlmSettings): ChatModel {
  const provider = settings.provider;
  const client: OpenAI =
    provider.kind === 'azure'
      ? new AzureOpenAI({ endpoint: provider.endpoint, apiKey: provider.apiKey, deployment: provider.deployment, apiVersion: provider.apiVersion, maxRetries: 0, timeout: settings.timeoutMs })
      : new OpenAI({ apiKey: provider.apiKey, ...(provider.baseURL ? { baseURL: provider.baseURL } : {}), maxRetries: 0, timeout: settings.timeoutMs });

  const body = (request: ChatRequest) => ({
    model: settings.model,
    messages: request.messages,
    temperature: settings.temperature,
    max_tokens: settings.maxTokens,
    response_format: { type: 'json_object' as const },
  });

  const usageOf = (usage: OpenAI.CompletionUsage | null | undefined): TokenUsage | undefined =>
    usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, totalTokens: usage.total_tokens } : undefined;

  async function call(request: ChatRequest): Promise<ChatResult> {
    const options = { signal: request.signal, timeout: settings.timeoutMs };
    if (!request.stream) {
      const completion = await client.chat.completions.create(body(request), options);
      return { text: completion.choices[0]?.message?.content ?? '', usage: usageOf(completion.usage) };
    }
    const stream = await client.chat.completions.create({ ...body(request), stream: true, stream_options: { include_usage: true } }, options);
    let text = '';
    let usage: TokenUsage | undefined;
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (delta) {
        text += delta;
        request.onText?.(text);
      }
      usage = usageOf(chunk.usage) ?? usage;
    }
    return { text, usage };
  }

  return {
    model: settings.model,
    async complete(request) {
      let result: ChatResult;
      try {
        result = await call(request);
      } catch (error) {
        throw toChatModelError(error, request.signal);
      }
      if (!result.text.trim()) throw new ChatModelError('empty', 'the model returned no text');
      return result;
    },
  };
}

function toChatModelError(error: unknown, signal: AbortSignal): ChatModelError {
  if (error instanceof ChatModelError) return error;
  if (signal.aborted || error instanceof APIUserAbortError || error instanceof APIConnectionTimeoutError) {
    return new ChatModelError('timeout', 'the model did not answer in time');
  }
  if (error instanceof APIError) {
    // Only the status and the service's own message: never the request, which carries the key.
    const failure = error.status === 429 ? 'rate-limited' : 'service';
    return new ChatModelError(failure, `status ${error.status ?? 'none'}: ${String(error.message).slice(0, 200)}`, error.status);
  }
  return new ChatModelError('service', error instanceof Error ? error.message.slice(0, 200) : 'unknown failure');
}
