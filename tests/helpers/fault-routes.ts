/**
 * Misbehaving answers for the local site (`site.set(path, faults.xxx())`): each one a way a real
 * server, proxy or network lets a fetch down. Every timer is cleared when the client goes away, so
 * a test's server closes at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import iconv from 'iconv-lite';
import type { Route } from './local-site.js';

type Handle = (req: IncomingMessage, res: ServerResponse) => void;

export function status(code: number, body = '<html><body><h1>Something went wrong</h1></body></html>', headers: Record<string, string> = {}): Route {
  return { handle: (_req, res) => { res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', ...headers }); res.end(body); } };
}

/** Accepts the connection, then drops it without a byte of answer (ECONNRESET / socket hang up). */
export function connectionReset(): Route {
  return { handle: (req) => { req.socket.resetAndDestroy(); } };
}

/** Answers only after `delayMs`, by when the client should have given up. */
export function slowAnswer(delayMs: number, body: () => string): Route {
  return {
    handle: (_req, res) => {
      const timer = setTimeout(() => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(body()); }, delayMs);
      res.on('close', () => clearTimeout(timer));
    },
  };
}

/** Promises `declared` bytes with Content-Length, sends the first part of `html`, then closes the socket. */
export function truncatedBody(html: string, declared = Buffer.byteLength(html) * 2): Route {
  return {
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(declared) });
      res.write(html.slice(0, Math.floor(html.length / 2)));
      setTimeout(() => res.socket?.destroy(), 20);
    },
  };
}

/** What an endless body saw of its client: bytes the server managed to write, and whether the client hung up. */
export interface BodyStream {
  written: number;
  clientClosed: boolean;
  finished: boolean;
}

/**
 * A body of `totalBytes` written in 64 KiB chunks with backpressure (so `written` is what the
 * client actually took in, give or take socket buffers); with `contentLength`, announced up front.
 */
export function hugeBody(totalBytes: number, options: { contentLength?: boolean } = {}): { route: Route; seen: BodyStream } {
  const seen: BodyStream = { written: 0, clientClosed: false, finished: false };
  const chunk = Buffer.from(`<p>${'policy text '.repeat(5460)}</p>\n`.slice(0, 65_536));
  const handle: Handle = (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(options.contentLength ? { 'content-length': String(totalBytes) } : {}) });
    res.on('close', () => { if (!seen.finished) seen.clientClosed = true; });
    const pump = () => {
      while (seen.written < totalBytes && !res.destroyed) {
        const part = chunk.subarray(0, Math.min(chunk.length, totalBytes - seen.written));
        seen.written += part.length;
        if (!res.write(part)) { res.once('drain', pump); return; }
      }
      if (!res.destroyed) { seen.finished = true; res.end(); }
    };
    res.write('<!DOCTYPE html><html><body><main>');
    pump();
  };
  return { route: { handle }, seen };
}

export function redirect(location: string, code = 302): Route {
  return { handle: (_req, res) => { res.writeHead(code, { location }); res.end(); } };
}

/**
 * `html` encoded in `charset`, its charset stated in the Content-Type header only, or only in the
 * page (`<meta charset>` or `<meta http-equiv="Content-Type">`, the header then saying `text/html`).
 */
export function encodedPage(html: () => string, charset: 'iso-8859-1' | 'windows-1252', declaredBy: 'header' | 'meta' | 'http-equiv'): Route {
  const tag = { header: '', meta: `<meta charset="${charset}">`, 'http-equiv': `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` }[declaredBy];
  return {
    handle: (_req, res) => {
      const source = html().replace(/<meta charset="[^"]*">/i, tag);
      res.writeHead(200, { 'content-type': declaredBy === 'header' ? `text/html; charset=${charset}` : 'text/html' });
      res.end(iconv.encode(source, charset));
    },
  };
}

/** Raw bytes, as they are: for bodies that are not valid in the charset they claim. */
export function rawBytes(bytes: () => Buffer, contentType = 'text/html; charset=utf-8'): Route {
  return { handle: (_req, res) => { res.writeHead(200, { 'content-type': contentType }); res.end(bytes()); } };
}

/** Sends the headers at once, then the body a few bytes at a time, every `everyMs`: a body slower than the timeout. */
export function tricklingBody(html: string, everyMs = 100): Route {
  return {
    handle: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      let at = 0;
      const timer = setInterval(() => {
        res.write(html.slice(at, at + 16));
        at += 16;
        if (at >= html.length) { clearInterval(timer); res.end(); }
      }, everyMs);
      res.on('close', () => clearInterval(timer));
    },
  };
}
