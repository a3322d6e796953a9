/** Exit codes of a forced exit, by the shell's convention (128 + the signal's number). */
const FORCED_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * The first SIGINT/SIGTERM calls `first` (stop gracefully); a second exits at once, 130 (SIGINT)
 * or 143 (SIGTERM), after `forced` (release what must be released synchronously).
 * Returns a function that removes the handlers.
 */
export function onSignals(first: (signal: NodeJS.Signals) => void, forced: () => void = () => undefined): () => void {
  let signalled = false;
  const handler = (signal: NodeJS.Signals) => {
    if (signalled) {
      forced();
      process.stderr.write(`policy-watch: ${signal} again, exiting now\n`);
      process.exit(FORCED_EXIT[signal] ?? 1);
    }
    signalled = true;
    first(signal);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}
