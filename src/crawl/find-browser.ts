import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The names tried on the PATH when the config names no browser, in order. */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

export interface FindBrowserOptions {
  /** `browser.executablePath` from the config: an absolute path, or a bare name looked up on the PATH. */
  executablePath?: string;
  /** The PATH to search, default `process.env.PATH`. */
  path?: string;
}

/** Where the browser is, or why there is none: `reason` says what to install or set. */
export type BrowserLookup = { found: true; executablePath: string } | { found: false; reason: string };

const INSTALL_HINT = 'install chromium (apt-get install chromium) or set browser.executablePath';

/**
 * The machine's own Chromium for rendered sources: the configured one, else the first of
 * `chromium`, `chromium-browser`, `google-chrome` on the PATH. Never a downloaded browser. A
 * configured path that is not there is not replaced by another browser: the user asked for that one.
 */
export function findBrowser(options: FindBrowserOptions = {}): BrowserLookup {
  const searchPath = options.path ?? process.env.PATH ?? '';
  const configured = options.executablePath;
  if (configured !== undefined) {
    const found = isAbsolute(configured) ? (isExecutable(configured) ? configured : null) : onPath(configured, searchPath);
    if (found) return { found: true, executablePath: found };
    return { found: false, reason: `no browser for render: browser.executablePath ${configured} is not an executable file; ${INSTALL_HINT}` };
  }
  for (const name of BROWSER_NAMES) {
    const found = onPath(name, searchPath);
    if (found) return { found: true, executablePath: found };
  }
  return { found: false, reason: `no browser for render: none of ${BROWSER_NAMES.join(', ')} is on the PATH; ${INSTALL_HINT}` };
}

function onPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
