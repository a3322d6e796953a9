import type { Db } from '../../src/store/open-database.js';
import { diffFacts } from '../../src/diff/diff-facts.js';
import { emptyFacts, type Facts } from '../../src/domain/facts.js';
import { ms, seedChange, seedCheck, seedSnapshot, seedSource } from './seed.js';

const BEFORE: Partial<Facts> = {
  effectiveDate: '2025-06-01', regions: ['US'], includedData: ['posts'], excludedData: ['private-messages'],
  aiTrainingDefault: 'off', minorsExcluded: true, minimumAge: 18,
  optOutPath: ['Settings', 'Privacy', 'AI training'], aiProviders: ['openai'],
};
const AFTER: Partial<Facts> = {
  effectiveDate: '2026-02-01', regions: ['GLOBAL'], includedData: ['ai-interactions', 'posts'], excludedData: null,
  aiTrainingDefault: 'on', minorsExcluded: true, minimumAge: 16, optOutPath: null, aiProviders: ['openai'],
};

/**
 * Acme Chat, a service whose 2026 policy turns training on for everyone, everywhere, and drops its
 * opt-out ("This setting can no longer be turned off"): the change issue 21 starts from. Checked
 * after the LinkedIn timeline, so it is the latest change.
 */
export function seedOptOutRemoved(db: Db): { sourceId: string; changeId: number; before: number; after: number } {
  const sourceId = seedSource(db, {
    id: 'acme-chat-privacy', url: 'https://acme.example/legal/privacy', kind: 'privacy-policy', name: 'Acme Chat Privacy Policy',
    lastCheckedAt: ms('2026-02-02T06:00:00Z'), lastStatus: 'unchanged', lastSuccessAt: ms('2026-02-02T06:00:00Z'),
  });
  const before = seedSnapshot(db, {
    sourceId, createdAt: ms('2025-06-01T06:00:00Z'), title: 'Privacy Policy', facts: BEFORE,
    evidence: {
      effectiveDate: 'Effective June 1, 2025',
      regions: 'In the United States, we may use your posts to improve our AI models if you opt in.',
      includedData: 'we may use your posts to improve our AI models if you opt in',
      excludedData: 'We never use your private messages to train AI models.',
      aiTrainingDefault: 'we may use your posts to improve our AI models if you opt in',
      minorsExcluded: 'We do not use data of members under 18 to train AI models.',
      minimumAge: 'We do not use data of members under 18 to train AI models.',
      optOutPath: 'Go to Settings > Privacy > AI training to change your choice.',
      aiProviders: 'Our models are provided by OpenAI.',
    },
  });
  seedCheck(db, { sourceId, at: ms('2025-06-01T06:00:00Z'), status: 'new', snapshotId: before });
  const after = seedSnapshot(db, {
    sourceId, createdAt: ms('2026-02-01T06:00:00Z'), title: 'Privacy Policy', facts: AFTER,
    evidence: {
      effectiveDate: 'Effective February 1, 2026',
      regions: 'Everywhere we operate, we use your posts and your chats with Acme Assistant to train our AI models.',
      includedData: 'we use your posts and your chats with Acme Assistant to train our AI models',
      aiTrainingDefault: 'we use your posts and your chats with Acme Assistant to train our AI models. This setting can no longer be turned off.',
      minorsExcluded: 'We do not use data of members under 16 to train AI models.',
      minimumAge: 'We do not use data of members under 16 to train AI models.',
      aiProviders: 'Our models are provided by OpenAI.',
    },
  });
  seedCheck(db, { sourceId, at: ms('2026-02-01T06:00:00Z'), status: 'changed', snapshotId: after });
  seedCheck(db, { sourceId, at: ms('2026-02-02T06:00:00Z'), status: 'unchanged', snapshotId: after });
  const changeId = seedChange(db, {
    sourceId, detectedAt: ms('2026-02-01T06:00:00Z'), beforeSnapshotId: before, afterSnapshotId: after,
    facts: diffFacts({ ...emptyFacts(), ...BEFORE }, { ...emptyFacts(), ...AFTER }),
    textDiff: {
      before: 'Privacy Policy\nEffective June 1, 2025\nIn the United States, we may use your posts to improve our AI models if you opt in.\n',
      after: 'Privacy Policy\nEffective February 1, 2026\nEverywhere we operate, we use your posts and your chats with Acme Assistant to train our AI models. This setting can no longer be turned off.\n',
    },
  });
  return { sourceId, changeId, before, after };
}
