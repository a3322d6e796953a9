/**
 * A fresh temporary database and direct row inserts for read-side tests: no crawl, no extract.
 * `seedLinkedInTimeline()` fills it with a small, realistic history that most tests share.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createTwoFilesPatch } from 'diff';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { compressText } from '../../src/store/compress.js';
import { changes, checks, contents, deliveries, snapshots, sources } from '../../src/store/schema.js';
import { eq } from 'drizzle-orm';
import { emptyFacts, SET_FACTS, type FactChange, type FactName, type Facts, type FactsDocument, type SourceKind } from '../../src/domain/facts.js';
import type { CheckStatus, DeliveryStatus } from '../../src/domain/source.js';
import { factDirection } from '../../src/domain/fact-direction.js';

export interface TestDatabase {
  db: Db;
  file: string;
  /** Closes the connection and deletes the temporary folder. */
  close(): void;
}

export function createTestDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'policy-watch-test-'));
  const file = join(dir, 'test.db');
  const db = openDatabase(file);
  return {
    db,
    file,
    close() {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Epoch milliseconds of an ISO time: seeds read like the dates they stand for. */
export function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) throw new Error(`bad time in test: ${iso}`);
  return value;
}

export interface SeedSource {
  id: string;
  url?: string;
  kind?: SourceKind;
  name?: string | null;
  parentId?: string | null;
  origin?: 'config' | 'discovered';
  createdAt?: number;
  lastCheckedAt?: number | null;
  lastStatus?: CheckStatus | null;
  lastSuccessAt?: number | null;
  failures?: number;
  failing?: boolean;
}

export function seedSource(db: Db, source: SeedSource): string {
  db.insert(sources).values({
    id: source.id,
    url: source.url ?? `https://www.linkedin.com/legal/${source.id}`,
    kind: source.kind ?? 'privacy-policy',
    name: source.name ?? null,
    parentId: source.parentId ?? null,
    origin: source.origin ?? 'config',
    createdAt: source.createdAt ?? ms('2024-01-01T00:00:00Z'),
    lastCheckedAt: source.lastCheckedAt ?? null,
    lastStatus: source.lastStatus ?? null,
    lastSuccessAt: source.lastSuccessAt ?? null,
    failures: source.failures ?? 0,
    failing: source.failing ?? false,
  }).run();
  return source.id;
}

export interface SeedSnapshot {
  sourceId: string;
  createdAt: number;
  facts?: Partial<Facts>;
  evidence?: FactsDocument['evidence'];
  text?: string;
  title?: string | null;
  language?: string;
  finalUrl?: string | null;
  /** Point the source's currentSnapshotId at this snapshot. Default true. */
  current?: boolean;
}

let contentCounter = 0;

export function seedSnapshot(db: Db, snapshot: SeedSnapshot): number {
  const text = snapshot.text ?? `Text of ${snapshot.sourceId} at ${new Date(snapshot.createdAt).toISOString()}`;
  const html = `<html><body><main>${text}</main></body></html><!-- ${++contentCounter} -->`;
  const content = db.insert(contents).values({
    hash: createHash('sha256').update(html).digest('hex'),
    html: compressText(html),
    size: html.length,
  }).returning({ id: contents.id }).get();
  const row = db.insert(snapshots).values({
    sourceId: snapshot.sourceId,
    contentId: content.id,
    createdAt: snapshot.createdAt,
    textHash: createHash('sha256').update(text).digest('hex'),
    text: compressText(text),
    title: snapshot.title ?? null,
    language: snapshot.language ?? 'en',
    facts: { ...emptyFacts(), ...snapshot.facts },
    evidence: snapshot.evidence ?? {},
    finalUrl: snapshot.finalUrl ?? null,
  }).returning({ id: snapshots.id }).get();
  if (snapshot.current ?? true) {
    db.update(sources).set({ currentSnapshotId: row.id }).where(eq(sources.id, snapshot.sourceId)).run();
  }
  return row.id;
}

export interface SeedCheck {
  sourceId: string;
  at: number;
  status: CheckStatus;
  durationMs?: number;
  httpStatus?: number | null;
  reason?: string | null;
  snapshotId?: number | null;
}

export function seedCheck(db: Db, check: SeedCheck): number {
  return db.insert(checks).values({
    sourceId: check.sourceId,
    at: check.at,
    durationMs: check.durationMs ?? 120,
    status: check.status,
    httpStatus: check.httpStatus === undefined ? (check.status === 'blocked' ? 999 : 200) : check.httpStatus,
    reason: check.reason ?? null,
    snapshotId: check.snapshotId ?? null,
  }).returning({ id: checks.id }).get().id;
}

/** A fact change as the diff stage reports it: added/removed for set facts only. */
export function factChange(fact: FactName, before: Facts[FactName], after: Facts[FactName]): FactChange {
  const direction = factDirection(fact, before, after);
  if (!SET_FACTS.has(fact)) return { fact, before, after, direction };
  const was = new Set((before as string[] | null) ?? []);
  const is = new Set((after as string[] | null) ?? []);
  return {
    fact, before, after,
    added: [...is].filter((value) => !was.has(value)).sort(),
    removed: [...was].filter((value) => !is.has(value)).sort(),
    direction,
  };
}

export interface SeedChange {
  sourceId: string;
  detectedAt: number;
  beforeSnapshotId: number;
  afterSnapshotId: number;
  facts: FactChange[];
  textChanged?: boolean;
  /** A unified diff; made from these two texts when given as such. */
  textDiff?: string | { before: string; after: string } | null;
}

export function seedChange(db: Db, change: SeedChange): number {
  const diff = typeof change.textDiff === 'object' && change.textDiff !== null
    ? createTwoFilesPatch('before', 'after', change.textDiff.before, change.textDiff.after)
    : change.textDiff ?? null;
  return db.insert(changes).values({
    sourceId: change.sourceId,
    detectedAt: change.detectedAt,
    beforeSnapshotId: change.beforeSnapshotId,
    afterSnapshotId: change.afterSnapshotId,
    facts: change.facts,
    factNames: change.facts.map((f) => f.fact).join(' '),
    textChanged: change.textChanged ?? diff !== null,
    textDiff: diff === null ? null : compressText(diff),
  }).returning({ id: changes.id }).get().id;
}

export interface SeedDelivery {
  id?: string;
  status: DeliveryStatus;
  event?: string;
  sourceId?: string | null;
  changeId?: number | null;
  createdAt?: number;
}

let deliveryCounter = 0;

export function seedDelivery(db: Db, delivery: SeedDelivery): string {
  const id = delivery.id ?? `delivery-${++deliveryCounter}`;
  const createdAt = delivery.createdAt ?? ms('2025-11-03T06:00:00Z');
  db.insert(deliveries).values({
    id,
    webhook: 'https://hooks.example.com/policy',
    event: delivery.event ?? 'facts.changed',
    sourceId: delivery.sourceId ?? null,
    changeId: delivery.changeId ?? null,
    body: '{}',
    status: delivery.status,
    attempts: delivery.status === 'pending' ? 0 : 1,
    nextAttemptAt: createdAt,
    createdAt,
    deliveredAt: delivery.status === 'delivered' ? createdAt + 500 : null,
  }).run();
  return id;
}

const POLICY_2024 = [
  'LinkedIn Privacy Policy',
  'Effective November 20, 2024',
  'We use your data to improve generative AI models in the United States.',
  'Your profile, posts and education may be used.',
  'You can opt out in Settings & Privacy > Data privacy > Data for Generative AI Improvement.',
].join('\n');
const POLICY_ANNOUNCED = `We're updating our Privacy Policy on November 3, 2025.\n${POLICY_2024}`;
const POLICY_2025 = [
  'LinkedIn Privacy Policy',
  'Effective November 3, 2025',
  'We use your data to improve generative AI models in the United States, Canada, Hong Kong,',
  'the United Kingdom, Switzerland, the EU and the EEA.',
  'Your profile, posts and education may be used.',
  'You can opt out in Settings & Privacy > Data privacy > Data for Generative AI Improvement.',
].join('\n');

const FACTS_2024: Partial<Facts> = {
  effectiveDate: '2024-11-20',
  regions: ['US'],
  includedData: ['education', 'posts', 'profile'],
  aiTrainingDefault: 'on',
  optOutPath: ['Settings & Privacy', 'Data privacy', 'Data for Generative AI Improvement'],
};
const FACTS_ANNOUNCED: Partial<Facts> = { ...FACTS_2024, upcomingEffectiveDate: '2025-11-03' };
const FACTS_2025: Partial<Facts> = {
  ...FACTS_2024,
  effectiveDate: '2025-11-03',
  regions: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US'],
};

/** Ids of what `seedLinkedInTimeline()` inserted. */
export interface LinkedInTimeline {
  privacy: { sourceId: string; snapshots: [number, number, number]; announcement: number; regionsChange: number };
  agreement: { sourceId: string; snapshots: [number, number]; textChange: number };
  blog: { sourceId: string; postId: string };
  help: { sourceId: string };
}

/**
 * LinkedIn, November 2024 to November 2025: the privacy policy announces and then makes its
 * 2025 change (regions widened), the user agreement changes wording only, a blog post is
 * discovered, and a help article is blocked three times in a row (failing, never snapshotted).
 */
export function seedLinkedInTimeline(db: Db): LinkedInTimeline {
  const privacy = seedSource(db, {
    id: 'linkedin-privacy-policy', url: 'https://www.linkedin.com/legal/privacy-policy',
    kind: 'privacy-policy', name: 'LinkedIn Privacy Policy',
    lastCheckedAt: ms('2025-11-03T12:00:00Z'), lastStatus: 'unchanged', lastSuccessAt: ms('2025-11-03T12:00:00Z'),
  });
  const p1 = seedSnapshot(db, {
    sourceId: privacy, createdAt: ms('2024-11-20T06:00:00Z'), title: 'Privacy Policy', text: POLICY_2024,
    facts: FACTS_2024, evidence: { effectiveDate: 'Effective November 20, 2024' },
  });
  seedCheck(db, { sourceId: privacy, at: ms('2024-11-20T06:00:00Z'), status: 'new', snapshotId: p1 });
  const p2 = seedSnapshot(db, {
    sourceId: privacy, createdAt: ms('2025-09-18T06:00:00Z'), title: 'Privacy Policy', text: POLICY_ANNOUNCED,
    facts: FACTS_ANNOUNCED,
    evidence: { effectiveDate: 'Effective November 20, 2024', upcomingEffectiveDate: "We're updating our Privacy Policy on November 3, 2025" },
  });
  seedCheck(db, { sourceId: privacy, at: ms('2025-09-18T06:00:00Z'), status: 'changed', snapshotId: p2 });
  const announcement = seedChange(db, {
    sourceId: privacy, detectedAt: ms('2025-09-18T06:00:00Z'), beforeSnapshotId: p1, afterSnapshotId: p2,
    facts: [factChange('upcomingEffectiveDate', null, '2025-11-03')],
    textDiff: { before: `${POLICY_2024}\n`, after: `${POLICY_ANNOUNCED}\n` },
  });
  seedCheck(db, { sourceId: privacy, at: ms('2025-10-01T06:00:00Z'), status: 'blocked', reason: 'HTTP 999' });
  const p3 = seedSnapshot(db, {
    sourceId: privacy, createdAt: ms('2025-11-03T06:00:00Z'), title: 'Privacy Policy', text: POLICY_2025,
    facts: FACTS_2025, evidence: { effectiveDate: 'Effective November 3, 2025' },
  });
  seedCheck(db, { sourceId: privacy, at: ms('2025-11-03T06:00:00Z'), status: 'changed', snapshotId: p3 });
  const regionsChange = seedChange(db, {
    sourceId: privacy, detectedAt: ms('2025-11-03T06:00:00Z'), beforeSnapshotId: p2, afterSnapshotId: p3,
    facts: [
      factChange('effectiveDate', '2024-11-20', '2025-11-03'),
      factChange('upcomingEffectiveDate', '2025-11-03', null),
      factChange('regions', ['US'], ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK', 'US']),
    ],
    textDiff: { before: `${POLICY_ANNOUNCED}\n`, after: `${POLICY_2025}\n` },
  });
  seedCheck(db, { sourceId: privacy, at: ms('2025-11-03T12:00:00Z'), status: 'unchanged', snapshotId: p3 });

  const agreement = seedSource(db, {
    id: 'linkedin-user-agreement', url: 'https://www.linkedin.com/legal/user-agreement',
    kind: 'user-agreement', name: 'LinkedIn User Agreement',
    lastCheckedAt: ms('2025-11-03T12:00:00Z'), lastStatus: 'unchanged', lastSuccessAt: ms('2025-11-03T12:00:00Z'),
  });
  const a1 = seedSnapshot(db, {
    sourceId: agreement, createdAt: ms('2024-11-20T06:00:00Z'), title: 'User Agreement',
    text: 'User Agreement\nEffective November 20, 2024\nYou must be 16 or older.', facts: { effectiveDate: '2024-11-20' },
  });
  seedCheck(db, { sourceId: agreement, at: ms('2024-11-20T06:00:00Z'), status: 'new', snapshotId: a1 });
  const a2 = seedSnapshot(db, {
    sourceId: agreement, createdAt: ms('2025-06-01T06:00:00Z'), title: 'User Agreement',
    text: 'User Agreement\nEffective November 20, 2024\nYou must be 16 years or older to use the Services.',
    facts: { effectiveDate: '2024-11-20' },
  });
  seedCheck(db, { sourceId: agreement, at: ms('2025-06-01T06:00:00Z'), status: 'changed', snapshotId: a2 });
  const textChange = seedChange(db, {
    sourceId: agreement, detectedAt: ms('2025-06-01T06:00:00Z'), beforeSnapshotId: a1, afterSnapshotId: a2,
    facts: [],
    textDiff: {
      before: 'User Agreement\nEffective November 20, 2024\nYou must be 16 or older.\n',
      after: 'User Agreement\nEffective November 20, 2024\nYou must be 16 years or older to use the Services.\n',
    },
  });
  seedCheck(db, { sourceId: agreement, at: ms('2025-11-03T12:00:00Z'), status: 'unchanged', snapshotId: a2 });

  const blog = seedSource(db, {
    id: 'linkedin-blog-trust', url: 'https://www.linkedin.com/blog/member/trust-and-safety', kind: 'blog',
    name: 'LinkedIn Trust & Safety blog',
    lastCheckedAt: ms('2025-11-03T12:00:00Z'), lastStatus: 'unchanged', lastSuccessAt: ms('2025-11-03T12:00:00Z'),
  });
  const b1 = seedSnapshot(db, { sourceId: blog, createdAt: ms('2025-09-18T06:00:00Z'), title: 'Trust and Safety' });
  seedCheck(db, { sourceId: blog, at: ms('2025-09-18T06:00:00Z'), status: 'new', snapshotId: b1 });
  const post = seedSource(db, {
    id: 'linkedin-blog-trust/ai-data-update',
    url: 'https://www.linkedin.com/blog/member/trust-and-safety/ai-data-update', kind: 'blog-post',
    parentId: blog, origin: 'discovered',
    lastCheckedAt: ms('2025-09-18T06:00:00Z'), lastStatus: 'new', lastSuccessAt: ms('2025-09-18T06:00:00Z'),
  });
  const post1 = seedSnapshot(db, {
    sourceId: post, createdAt: ms('2025-09-18T06:00:00Z'), title: 'Updates to our terms and data use',
    facts: { publishedDate: '2025-09-18', upcomingEffectiveDate: '2025-11-03', regions: ['CA', 'CH', 'EEA', 'EU', 'GB', 'HK'] },
  });
  seedCheck(db, { sourceId: post, at: ms('2025-09-18T06:00:00Z'), status: 'new', snapshotId: post1 });

  const help = seedSource(db, {
    id: 'linkedin-help-ai', url: 'https://www.linkedin.com/help/linkedin/answer/a5538339', kind: 'help-article',
    name: 'Generative AI help article',
    lastCheckedAt: ms('2025-11-03T12:00:00Z'), lastStatus: 'blocked', failures: 3, failing: true,
  });
  for (const day of ['2025-11-01', '2025-11-02', '2025-11-03']) {
    seedCheck(db, { sourceId: help, at: ms(`${day}T12:00:00Z`), status: 'blocked', reason: 'HTTP 999 (LinkedIn bot wall)' });
  }

  seedDelivery(db, { status: 'delivered', sourceId: privacy, changeId: announcement });
  seedDelivery(db, { status: 'delivered', sourceId: privacy, changeId: regionsChange });
  seedDelivery(db, { status: 'pending', event: 'text.changed', sourceId: agreement, changeId: textChange });
  seedDelivery(db, { status: 'failed', event: 'source.failing', sourceId: help });

  return {
    privacy: { sourceId: privacy, snapshots: [p1, p2, p3], announcement, regionsChange },
    agreement: { sourceId: agreement, snapshots: [a1, a2], textChange },
    blog: { sourceId: blog, postId: post },
    help: { sourceId: help },
  };
}
