import { gzipSync, gunzipSync } from 'node:zlib';

/** Stored text and HTML are gzip-compressed: policy pages shrink about five-fold. */
export function compressText(text: string | Buffer): Buffer {
  return gzipSync(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { level: 6 });
}

export function decompressText(data: Buffer | Uint8Array | null | undefined): string {
  if (!data) return '';
  return gunzipSync(data).toString('utf8');
}
