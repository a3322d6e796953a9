import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';

export type { Logger };

/**
 * One line of JSON per event; on a terminal, the same events as readable lines
 * (`06:00:01 INFO  source checked sourceId=linkedin-privacy-policy status=unchanged`).
 */
export function createLogger(options: { level?: string; pretty?: boolean; destination?: NodeJS.WritableStream } = {}): Logger {
  const out = options.destination ?? process.stdout;
  const pretty = options.pretty ?? (out as NodeJS.WriteStream).isTTY === true;
  const base = { level: options.level ?? 'info', base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (!pretty) return pino(base, out);
  return pino(base, new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line) out.write(`${prettyLine(line)}\n`);
      }
      callback();
    },
  }));
}

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };

function prettyLine(line: string): string {
  try {
    const { level, time, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(' ');
    return `${String(time ?? '').slice(11, 19)} ${LEVELS[level as number] ?? String(level)} ${String(msg ?? '')}${fields ? ` ${fields}` : ''}`;
  } catch {
    return line;
  }
}
