import { randomUUID } from 'node:crypto';

/** What a referrer types into the intake card: strings, as Teams sends the inputs. Values are distinctive so a log check can find them. */
export function intakeInput(overrides: Record<string, unknown> = {}): Record<string, string | unknown> {
  return {
    idempotencyKey: randomUUID(),
    referrerRole: 'politie',
    referrerName: 'Wijkagent Gerrit Zwartveen',
    referrerContact: 'g.zwartveen@politie-voorbeeld.nl',
    partyAName: 'Hendrika Kleinjan-Oosterveld',
    partyAAddress: 'Vriezenveenseweg 171',
    partyAPostcode: '7671 pq',
    partyAContact: '06 98765432',
    partyBName: 'Roelof Tijhuis',
    partyBAddress: 'Vriezenveenseweg 173',
    partyBPostcode: '',
    partyBContact: '',
    kinds: 'geluid,erfgrens',
    duration: 'een-tot-zes-maanden',
    tried: 'Zelf aangebeld bij de buurman, zonder resultaat',
    description: 'Harde bastonen uit de schuur na middernacht, ruzie over de heg',
    violence: 'false',
    urgency: 'normaal',
    consent: 'true',
    ...overrides,
  };
}

/** The personal values of intakeInput(): none may ever show up in a log line. */
export const personalValues = [
  'Gerrit Zwartveen',
  'g.zwartveen@politie-voorbeeld.nl',
  'Hendrika Kleinjan-Oosterveld',
  'Vriezenveenseweg',
  '7671',
  '98765432',
  'Roelof Tijhuis',
  'Zelf aangebeld',
  'bastonen',
];
