import type { Request } from 'express';
import { type RequestShape, StreamedFingerprint } from './request-fingerprint';

/**
 * Fingerprints a streamed body while the handler reads it: every chunk the handler takes is
 * hashed as it passes, and nothing is kept. Attached before the handler runs; the data listener
 * is added paused, so no chunk flows before the handler's own reader is attached (Readable.pipe
 * and read() resume the stream, and each chunk is then emitted to both).
 * Resolves once the body has been read to its end, or undefined if it never is.
 */
export function fingerprintAsRead(
  request: Request,
  shape: RequestShape,
): Promise<string | undefined> {
  const fingerprint = new StreamedFingerprint(shape, request.headers['content-type']);
  return new Promise((resolve) => {
    if (request.readableEnded) return resolve(undefined);
    request.on('data', (chunk: Buffer) => fingerprint.update(chunk));
    request.pause();
    request.once('end', () => resolve(fingerprint.digest()));
    request.once('close', () => resolve(undefined));
    request.once('error', () => resolve(undefined));
  });
}

/** Reads the whole body only to fingerprint it (a replay, whose handler does not run). */
export async function fingerprintByReading(request: Request, shape: RequestShape): Promise<string> {
  const fingerprint = new StreamedFingerprint(shape, request.headers['content-type']);
  for await (const chunk of request) fingerprint.update(chunk as Buffer);
  return fingerprint.digest();
}

/** Lets an unread body go, so that the client gets the answer given without reading it. */
export function discardBody(request: Request): void {
  if (!request.readableEnded) request.resume();
}
