/** The exact commands of the approvals feature; other wordings reach the same routes through the intent classifier. */
export const approvalPatterns = {
  pending: /^\s*(?:wat\s+wacht\s+(?:er\s+)?op\s+mijn\s+goedkeuring|mijn\s+goedkeuringen|open\s+goedkeuringen|what\s+awaits\s+my\s+approval)\s*[?!.]*\s*$/i,
  upcoming: /^\s*(?:welke\s+|komende\s+)?mijlpalen\b([^]*)$|^\s*(?:which|upcoming)\b[^]*\bmilestones\b([^]*)$/i,
  add: /^\s*mijlpaal\s+toevoegen\b\s*([^]*)$/i,
  move: /^\s*verplaats\s+(?:de\s+)?mijlpaal\s+([^]+?)\s+naar\s+([^]+?)\s*$/i,
  request: /^\s*vraag\s+(?:om\s+)?goedkeuring\s+(?:aan\s+)?(?:voor|van|op)\s+([^]+)$/i,
  export: /^\s*exporte?e?r\s+(?:de\s+)?audit(?:log)?\b\s*([^]*)$/i,
};

/** Asked about milestones in other words: these topic words keep a follow-up with this feature. */
export const milestoneTopic = /mijlpa|milestone|planning|gepland|deadline|eraan|binnenkort|komend|coming|next|planned/i;
