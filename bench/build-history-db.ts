/**
 * A database with a long history for the query figures: `sourceCount` sources, each with a chain
 * of snapshots and changes, and many checks, inserted with SQL in one transaction. Rows look like
 * the pipeline's (gzip-compressed text and HTML, JSON facts and evidence, unified text diffs), but
 * distinct blobs are generated once and reused so building stays quick.
 */
import { createHash } from 'node:crypto';
import { openDatabase } from '../src/store/open-database.js';
import { compressText } from '../src/store/compress.js';
import { emptyFacts, type FactChange, type Facts } from '../src/domain/facts.js';
import { policyPage, prng } from './policy-page.js';

export interface HistoryDbOptions {
  file: string;
  /** Ids and URLs of the sources, as in the bench config. */
  sources: { id: string; url: string }[];
  checks: number;
  changes: number;
}

const REGIONS = ['US', 'CA', 'GB', 'CH', 'HK', 'EU', 'EEA', 'AU', 'IN', 'BR', 'SG', 'JP'];
const DATA = ['profile', 'posts', 'comments', 'articles', 'skills', 'education', 'work-experience', 'resume', 'location', 'polls'];
const DAY = 86_400_000;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function buildHistoryDb(options: HistoryDbOptions): { bytes: number } {
  const db = openDatabase(options.file);
  const client = db.$client;
  const rand = prng(42);
  const n = options.sources.length;
  const changesPerSource = Math.ceil(options.changes / n);
  const checksPerSource = Math.ceil(options.checks / n);
  const start = Date.parse('2023-01-01T00:00:00Z');
  const end = Date.parse('2025-11-01T00:00:00Z');

  // A few distinct compressed pages and texts, reused across rows.
  const htmlBlobs = Array.from({ length: 8 }, (_, i) => {
    const html = policyPage({ seed: 1000 + i, sizeBytes: 90_000 });
    return { gz: compressText(html), size: html.length };
  });
  const textBlobs = Array.from({ length: 8 }, (_, i) => compressText(`Privacy Policy ${i}\n` + 'We collect the information you give us when you create a profile. '.repeat(500)));
  const diffBlob = compressText([
    '--- snapshot 1', '+++ snapshot 2', '@@ -10,7 +10,7 @@',
    ' We may use your personal data to develop and train artificial intelligence models',
    '-that generate content, for members in the United States.',
    '+that generate content, for members in the United States, the EU, the EEA, the UK, Switzerland, Canada and Hong Kong.',
    ' This setting is on by default and you can turn it off.',
  ].join('\n'));

  const insertSource = client.prepare(`INSERT INTO sources (id, url, kind, name, origin, created_at, last_checked_at, last_status,
    last_success_at, failures, failing, body_hash, current_snapshot_id)
    VALUES (?, ?, 'privacy-policy', NULL, 'config', ?, ?, 'unchanged', ?, 0, 0, ?, NULL)`);
  const setCurrent = client.prepare('UPDATE sources SET current_snapshot_id = ? WHERE id = ?');
  const insertContent = client.prepare('INSERT INTO contents (hash, html, size) VALUES (?, ?, ?)');
  const insertSnapshot = client.prepare(`INSERT INTO snapshots (source_id, content_id, created_at, text_hash, text, title, language,
    facts, evidence, final_url) VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?)`);
  const insertChange = client.prepare(`INSERT INTO changes (source_id, detected_at, before_snapshot_id, after_snapshot_id, facts,
    fact_names, text_changed, text_diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertCheck = client.prepare(`INSERT INTO checks (source_id, at, duration_ms, status, http_status, reason, snapshot_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);

  let contentNo = 0;
  let changeCount = 0;
  let checkCount = 0;
  client.transaction(() => {
    options.sources.forEach((source, s) => {
      insertSource.run(source.id, source.url, start, end, end, sha(source.id));
      let facts: Facts = {
        ...emptyFacts(), effectiveDate: '2023-01-15', regions: ['US'], includedData: ['posts', 'profile'],
        excludedData: ['private-messages'], aiTrainingDefault: 'on', minorsExcluded: true, minimumAge: 18,
        optOutPath: ['Settings & Privacy', 'Data privacy', 'Data for Generative AI Improvement'], legalBasis: ['consent'],
      };
      const evidence = {
        effectiveDate: 'Effective January 15, 2023', regions: 'for members in the United States',
        includedData: 'your profile and the posts you share', excludedData: 'We do not use the content of your private messages',
        aiTrainingDefault: 'This setting is on by default', minorsExcluded: 'we do not use data of members under 18',
      };
      const snapshotAt: number[] = [];
      const snapshotIds: number[] = [];
      const addSnapshot = (at: number) => {
        const blob = htmlBlobs[contentNo % htmlBlobs.length]!;
        const contentId = Number(insertContent.run(sha(`content ${contentNo}`), blob.gz, blob.size).lastInsertRowid);
        const id = Number(insertSnapshot.run(source.id, contentId, at, sha(`text ${contentNo}`), textBlobs[contentNo % textBlobs.length]!,
          `Privacy Policy ${s}`, JSON.stringify(facts), JSON.stringify(evidence), source.url).lastInsertRowid);
        contentNo++;
        snapshotAt.push(at);
        snapshotIds.push(id);
        return id;
      };
      let before = addSnapshot(start + Math.floor(rand() * DAY));
      const span = (end - start) / (changesPerSource + 1);
      for (let c = 0; c < changesPerSource && changeCount < options.changes; c++) {
        const at = Math.floor(start + span * (c + 1) + rand() * span * 0.5);
        const region = REGIONS[(c + s) % REGIONS.length]!;
        const datum = DATA[(c * 3 + s) % DATA.length]!;
        const next: Facts = { ...facts };
        const factChanges: FactChange[] = [];
        if (!facts.regions!.includes(region)) {
          next.regions = [...facts.regions!, region].sort();
          factChanges.push({ fact: 'regions', before: facts.regions, after: next.regions, added: [region], removed: [] });
        }
        if (c % 2 === 0) {
          next.effectiveDate = new Date(at + 30 * DAY).toISOString().slice(0, 10);
          factChanges.push({ fact: 'effectiveDate', before: facts.effectiveDate, after: next.effectiveDate });
        }
        if (c % 3 === 0 && !facts.includedData!.includes(datum)) {
          next.includedData = [...facts.includedData!, datum].sort();
          factChanges.push({ fact: 'includedData', before: facts.includedData, after: next.includedData, added: [datum], removed: [] });
        }
        facts = next;
        const after = addSnapshot(at);
        insertChange.run(source.id, at, before, after, JSON.stringify(factChanges), factChanges.map((f) => f.fact).join(' '), 1, diffBlob);
        changeCount++;
        before = after;
      }
      setCurrent.run(before, source.id);
      // Checks every few hours across the same span; the snapshot current at each check.
      let snap = 0;
      for (let k = 0; k < checksPerSource && checkCount < options.checks; k++) {
        const at = Math.floor(start + ((end - start) * (k + 0.5)) / checksPerSource);
        while (snap + 1 < snapshotAt.length && snapshotAt[snap + 1]! <= at) snap++;
        const roll = rand();
        if (roll < 0.03) insertCheck.run(source.id, at, 200 + Math.floor(rand() * 300), 'blocked', 999, 'HTTP 999', null);
        else if (roll < 0.04) insertCheck.run(source.id, at, 30_000, 'error', null, 'timeout: Navigation timed out after 30 seconds.', null);
        else insertCheck.run(source.id, at, 80 + Math.floor(rand() * 400), 'unchanged', 200, null, snapshotIds[snap]!);
        checkCount++;
      }
    });
  })();
  client.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = (client.pragma('page_count', { simple: true }) as number) * (client.pragma('page_size', { simple: true }) as number);
  client.close();
  return { bytes };
}
