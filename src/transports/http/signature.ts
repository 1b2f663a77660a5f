import { type KeyObject, verify } from 'node:crypto';

/**
 * Discord signs every interaction it POSTs with Ed25519 over `timestamp + raw body`. The
 * crypto is node:crypto's; this module only frames the inputs and refuses malformed ones
 * without throwing, because they come from anyone on the internet.
 */

/** Discord's own guidance: refuse requests signed more than five minutes from now, either way. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
const UNIX_SECONDS = /^\d{1,12}$/;

export interface SignedHeaders {
  readonly signature: Buffer;
  readonly timestamp: string;
}

export type HeaderCheck = { ok: true; signed: SignedHeaders } | { ok: false; reason: string };

type HeaderValue = string | string[] | undefined;

/**
 * Everything that can be refused before the body is read: presence, shape, and clock skew.
 * Node joins repeated headers with ", ", so a repeated header fails the shape check.
 */
export function checkSignatureHeaders(
  signature: HeaderValue,
  timestamp: HeaderValue,
  nowMs: number,
): HeaderCheck {
  if (typeof signature !== 'string' || typeof timestamp !== 'string') {
    return { ok: false, reason: 'missing signature headers' };
  }
  if (!SIGNATURE_HEX.test(signature)) return { ok: false, reason: 'malformed signature' };
  if (!UNIX_SECONDS.test(timestamp)) return { ok: false, reason: 'malformed timestamp' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'timestamp outside the allowed window' };
  }
  return { ok: true, signed: { signature: Buffer.from(signature, 'hex'), timestamp } };
}

/** Verifies the exact bytes received, so no re-serialisation can change what was signed. */
export function verifySignature(key: KeyObject, signed: SignedHeaders, body: Buffer): boolean {
  return verify(null, Buffer.concat([Buffer.from(signed.timestamp, 'utf8'), body]), key, signed.signature);
}
