/**
 * LLM answers (issue 4). `llmFeature(core)` holds the feedback invoke and, when an LLM is
 * configured, `answer(turn, question)` for the knowledge feature's fallback route.
 * Plain parts, usable without openai: `buildPrompt`, `parseModelAnswer`, `checkGrounding`.
 */
export { llmFeature, type LlmAnswer } from './llm-feature.js';
export { llmSettings, type LlmSettings } from './llm-settings.js';
export { buildPrompt, type PromptPassage } from './prompt.js';
export { parseModelAnswer, partialAnswer, modelAnswerSchema } from './answer-schema.js';
export { checkGrounding } from './grounding-guard.js';
export { createChatModel } from './openai-client.js';
export { ChatModelError, type ChatModel, type ChatMessage } from './chat-model.js';
export { asData } from './prompt.js';
