/** The one base error: `code` says what went wrong, `transient` whether trying again may help. */
export class PolicyWatchError extends Error {
  readonly code: string;
  readonly transient: boolean;

  constructor(code: string, message: string, options: { cause?: unknown; transient?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PolicyWatchError';
    this.code = code;
    this.transient = options.transient ?? false;
  }
}

/** Bad usage or invalid config: the CLI exits 2 with the message, which names the field. */
export class UsageError extends PolicyWatchError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}
