import { createHash } from 'node:crypto';

/** Hex SHA-256 of a text or bytes: the hash of stored pages and normalized texts. */
export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
