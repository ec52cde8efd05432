import type { ChatModel } from './chat-model.js';

const SYSTEM = [
  'Je herschrijft een vervolgvraag in een gesprek over gemeentelijk veiligheidsbeleid tot één zelfstandige vraag.',
  'Neem de gemeente, het jaar en het onderwerp over uit de vorige vraag als de vervolgvraag ernaar verwijst ("daar", "die", "en in Hengelo?").',
  'Antwoord met alleen de herschreven vraag, in de taal van de vervolgvraag, zonder uitleg.',
].join(' ');

/**
 * A follow-up made standalone by the model before retrieval ("wie is daar de opdrachtgever?" after a
 * question about Hengelo's programme). Undefined when the model gives nothing usable; the caller
 * then keeps its own rewrite.
 */
export async function rewriteFollowUp(model: ChatModel, timeoutMs: number, previous: string, followUp: string): Promise<string | undefined> {
  const result = await model.complete({
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: `Vorige vraag: ${previous.slice(0, 500)}\nVervolgvraag: ${followUp.slice(0, 500)}` },
    ],
    stream: false,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const line =
    result.text
      .trim()
      .split('\n')[0]
      ?.replace(/^["'“]|["'”]$/g, '')
      .trim() ?? '';
  return line.length >= 3 && line.length <= 400 ? line : undefined;
}
