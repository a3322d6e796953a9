import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findBrowser } from '../../src/crawl/find-browser.js';
import { tempDir, type TempDir } from '../helpers/test-config.js';

let dir: TempDir;

/** An executable file (or a plain one with `executable: false`) at `dir/<folder>/<name>`. */
function program(folder: string, name: string, executable = true): string {
  mkdirSync(dir.file(folder), { recursive: true });
  const file = join(dir.file(folder), name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

beforeEach(() => { dir = tempDir('policy-watch-find-browser-'); });
afterEach(() => dir.remove());

describe('findBrowser()', () => {
  it('finds chromium on the PATH, searching its folders in order', () => {
    program('a', 'other-tool');
    const chromium = program('b', 'chromium');
    program('c', 'chromium');
    expect(findBrowser({ path: [dir.file('a'), dir.file('b'), dir.file('c')].join(delimiter) })).toEqual({ found: true, executablePath: chromium });
  });

  it('prefers chromium to chromium-browser to google-chrome whichever folder holds them', () => {
    const chrome = program('a', 'google-chrome');
    const chromiumBrowser = program('b', 'chromium-browser');
    expect(findBrowser({ path: [dir.file('a'), dir.file('b')].join(delimiter) })).toEqual({ found: true, executablePath: chromiumBrowser });
    expect(findBrowser({ path: dir.file('a') })).toEqual({ found: true, executablePath: chrome });
  });

  it('skips a file named chromium that is not executable', () => {
    program('a', 'chromium', false);
    const real = program('b', 'chromium');
    expect(findBrowser({ path: [dir.file('a'), dir.file('b')].join(delimiter) })).toEqual({ found: true, executablePath: real });
  });

  it('uses browser.executablePath when it is an executable file, whatever the PATH holds', () => {
    const own = program('opt', 'my-chrome');
    program('bin', 'chromium');
    expect(findBrowser({ executablePath: own, path: dir.file('bin') })).toEqual({ found: true, executablePath: own });
  });

  it('looks a bare browser.executablePath name up on the PATH', () => {
    const brave = program('bin', 'brave-browser');
    expect(findBrowser({ executablePath: 'brave-browser', path: dir.file('bin') })).toEqual({ found: true, executablePath: brave });
  });

  it('names a configured path that is missing, rather than quietly using another browser', () => {
    program('bin', 'chromium');
    const missing = dir.file('nowhere/chromium');
    const lookup = findBrowser({ executablePath: missing, path: dir.file('bin') });
    expect(lookup.found).toBe(false);
    expect(!lookup.found && lookup.reason).toBe(`no browser for render: browser.executablePath ${missing} is not an executable file; install chromium (apt-get install chromium) or set browser.executablePath`);
  });

  it('says what to install or set when no browser is on the PATH', () => {
    program('bin', 'node');
    const lookup = findBrowser({ path: `${dir.file('bin')}${delimiter}${dir.file('missing-folder')}` });
    expect(lookup).toEqual({
      found: false,
      reason: 'no browser for render: none of chromium, chromium-browser, google-chrome is on the PATH; install chromium (apt-get install chromium) or set browser.executablePath',
    });
  });
});
