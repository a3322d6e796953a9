import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const PIPELINE = join(SRC, 'pipeline');

/** Every .ts file under a folder, as paths relative to src/. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => relative(SRC, join(folder, name)));
}

/** The project files a file imports (static `import`/`export ... from` and `import()`), as paths relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(SRC, resolve(dirname(join(SRC, file)), specifier.replace(/\.js$/, '.ts'))));
}

/** A cycle among `files` (their imports between each other), or null. */
function findCycle(files: string[], importsOf: (file: string) => string[]): string[] | null {
  const inside = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]): string[] | null => {
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    if (state.get(file) === 'done') return null;
    state.set(file, 'open');
    for (const next of importsOf(file).filter((imported) => inside.has(imported))) {
      const cycle = visit(next, [...path, file]);
      if (cycle) return cycle;
    }
    state.set(file, 'done');
    return null;
  };
  for (const file of files) {
    const cycle = visit(file, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the pipeline\'s imports', () => {
  it('form no cycle', () => {
    expect(findCycle(sourceFiles(PIPELINE), importsOf)).toBeNull();
  });

  it('would show a cycle if there were one (the check itself works)', () => {
    const graph: Record<string, string[]> = { a: ['b'], b: ['c', 'x'], c: ['a'], x: [] };
    expect(findCycle(Object.keys(graph), (file) => graph[file] ?? [])).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(['b', 'x'], (file) => graph[file] ?? [])).toBeNull();
  });

  it('keep record-fetch and send-due-announcements from importing each other', () => {
    expect(importsOf('pipeline/record-fetch.ts')).toContain('pipeline/send-due-announcements.ts');
    expect(importsOf('pipeline/send-due-announcements.ts')).not.toContain('pipeline/record-fetch.ts');
  });

  it('leave writing snapshots and changes to recordReading alone, for fetches and re-reads alike', () => {
    const writers = sourceFiles(SRC).filter((file) => /\b(insertReading|insertChange)\b/.test(readFileSync(join(SRC, file), 'utf8')));
    expect(writers.sort()).toEqual(['pipeline/record-reading.ts', 'store/snapshot-rows.ts']);
    expect(importsOf('pipeline/record-fetch.ts')).toContain('pipeline/record-reading.ts');
    expect(importsOf('pipeline/reextract-snapshots.ts')).toContain('pipeline/record-reading.ts');
  });
});
