/** A secret as configured: its value when known, and the `env:NAME` it comes from. */
export interface ResolvedSecret {
  /** Null when the variable is not set (or for no secret at all). */
  value: string | null;
  /** `env:NAME` as written, or null for a literal. */
  ref: string | null;
}

/**
 * Reads `env:NAME` from `env`, or takes a literal as it is. A variable that is not set is no
 * error here: only what uses the secret (a delivery, `webhooks test`, `serve`) needs it, and
 * says so then, so that query verbs work without it.
 */
export function resolveSecret(ref: string | undefined, env: NodeJS.ProcessEnv): ResolvedSecret {
  if (ref === undefined) return { value: null, ref: null };
  if (!ref.startsWith('env:')) return { value: ref, ref: null };
  const value = env[ref.slice(4)];
  return { value: value ? value : null, ref };
}
