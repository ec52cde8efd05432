import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/i18n/detect-language.js';

/** The bot answers in the language a colleague writes: English questions rarely carry many "the"/"what" words. */
describe('the language a message is written in', () => {
  it('reads short English questions as English', () => {
    for (const q of [
      'How much did Ellenwoude spend on clearing drug waste in 2025?',
      'Who led the Haverdam pilot on digital resilience for businesses?',
      'Why was the camera budget raised in July?',
      'How many burglaries were there last year?',
    ]) {
      expect(detectLanguage(q), q).toBe('en');
    }
  });

  it('reads Dutch questions and commands as Dutch, also when they hold an English loanword', () => {
    for (const q of [
      'Hoeveel drugsdumpingen had Ellenwoude vorig jaar?',
      'wie is trekker aanpak woonoverlast in brakelveen',
      'Wat is het budget voor high impact crime?',
      'buurtbemiddeling aanmelden',
      'Waarom is de pilot op het bedrijventerrein gestart?',
    ]) {
      expect(detectLanguage(q), q).toBe('nl');
    }
  });
});
