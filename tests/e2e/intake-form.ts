import type { Locator } from 'playwright-core';

export async function fill(card: Locator, label: RegExp, value: string): Promise<void> {
  await card.getByLabel(label).first().fill(value);
}

/** A compact ChoiceSet renders as a combobox with a popup list of options (other cards may hold hidden ones). */
export async function choose(card: Locator, label: RegExp, option: string): Promise<void> {
  await card.getByRole('combobox', { name: label }).first().click();
  const choice = card.page().getByRole('option', { name: option }).filter({ visible: true }).first();
  await choice.waitFor();
  // The popup can open partly outside the viewport, where a pointer click cannot reach: a click event selects it as well.
  await choice.dispatchEvent('click');
}

/** The buurtbemiddeling intake card filled in as an adviser would, up to (not including) "Aanmelden". */
export async function fillIntake(intake: Locator): Promise<void> {
  await choose(intake, /Aanmelder namens/, 'Gemeente');
  await fill(intake, /^Naam aanmelder/, 'Sanne de Vries');
  await fill(intake, /Telefoonnummer of e-mailadres aanmelder/, 'sanne.devries@demo-gemeente.nl');
  await fill(intake, /^Naam bewoner A/, 'Karel Verhoeven');
  await fill(intake, /Straat en huisnummer bewoner A/, 'Lindelaan 12');
  await fill(intake, /Postcode bewoner A/, '7671 AB');
  await fill(intake, /Telefoonnummer of e-mailadres bewoner A/, '06 12345678');
  await intake.getByRole('checkbox', { name: 'Geluid' }).check();
  await choose(intake, /Hoe lang speelt het al/, 'Een tot zes maanden');
  await fill(intake, /Beschrijving van het conflict/, 'Al maanden harde muziek in de avond; gesprekken liepen vast.');
  await intake.getByRole('checkbox', { name: /toestemming/ }).check();
}
