import { coreMigration } from './001-core.js';
import { knowledgeMigration } from './002-knowledge.js';
import { approvalsMigration } from './003-approvals.js';
import { mediationMigration } from './004-mediation.js';
import { summariesMigration } from './005-summaries.js';
import { llmMigration } from './006-llm.js';
import { productionMigration } from './007-production.js';
import { knowledgeSearchMigration } from './008-knowledge-search.js';
import { noPersonalDataInStoredAnswersMigration } from './009-no-personal-data-in-stored-answers.js';
import { documentStructureMigration } from './010-document-structure.js';
import { oneDeliveryServiceMigration } from './011-one-delivery-service.js';
import { schedulerLeasesMigration } from './012-scheduler-leases.js';
import type { Migration } from './migration.js';

/**
 * All migrations in order. Reserved numbers, so features can add theirs independently:
 * 1 core · 2 knowledge · 3 approvals · 4 mediation · 5 summaries/steering group · 6 llm answers & feedback · 7 production · 8 knowledge search · 9 no personal data in stored answers · 10 document structure · 11 one delivery service · 12 scheduler leases · 13+ later
 */
export const migrations: Migration[] = [
  coreMigration,
  knowledgeMigration,
  approvalsMigration,
  mediationMigration,
  summariesMigration,
  llmMigration,
  productionMigration,
  knowledgeSearchMigration,
  noPersonalDataInStoredAnswersMigration,
  documentStructureMigration,
  oneDeliveryServiceMigration,
  schedulerLeasesMigration,
];
