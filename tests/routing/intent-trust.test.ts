import { describe, expect, it } from 'vitest';
import { IntentClassifier } from '../../src/routing/intent-classifier.js';

const examples = new Map([
  ['steering.preview', { nl: ['stuur een update naar de stuurgroep', 'stuur de stuurgroep een update', 'informeer de stuurgroep'], en: ['send an update to the steering group'] }],
  ['shell.help', { nl: ['wat kun je', 'wat doet de veiligheidsbot', 'hoe werkt deze bot'], en: ['what can you do'] }],
]);

describe('when the classifier pick of a command is trusted', () => {
  it('a question goes only to a command whose examples ask questions, and only when the question is mostly about what they say', async () => {
    const classifier = await IntentClassifier.train(examples);
    expect(classifier.trusts('steering.preview', 'stuur de stuurgroep een update')).toBe(true);
    expect(classifier.trusts('steering.preview', 'Hoe vaak komt de stuurgroep veiligheid van Ravenvliet bijeen?', ['Ravenvliet'])).toBe(false);
    expect(classifier.trusts('shell.help', 'wat doet de veiligheidsbot eigenlijk')).toBe(true);
    expect(classifier.trusts('shell.help', 'Wat doet Haverdijk tegen babbeltrucs?', ['Haverdijk'])).toBe(false);
  });
});
