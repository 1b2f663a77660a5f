import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ed25519PublicKey } from '../../src/ed25519.ts';
import {
  checkSignatureHeaders,
  MAX_CLOCK_SKEW_SECONDS,
  verifySignature,
} from '../../src/transports/http/signature.ts';
import { generateTestKeys, signedHeaders } from './client.ts';

const keys = generateTestKeys();
const key = ed25519PublicKey(keys.publicKeyHex);
const nowMs = 1_800_000_000_000;
const nowSeconds = String(nowMs / 1000);

describe('checkSignatureHeaders', () => {
  it('never throws, whatever the headers hold', () => {
    const header = fc.option(fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), {
      nil: undefined,
    });
    fc.assert(
      fc.property(
        header,
        header,
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        (signature, timestamp, now) => {
          const result = checkSignatureHeaders(signature, timestamp, now);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      { seed: 6, numRuns: 2000 },
    );
  });

  it('accepts the edges of the window and refuses one second past them', () => {
    const signature = 'ab'.repeat(64);
    for (const offset of [-MAX_CLOCK_SKEW_SECONDS, MAX_CLOCK_SKEW_SECONDS]) {
      expect(checkSignatureHeaders(signature, String(Number(nowSeconds) + offset), nowMs).ok).toBe(true);
    }
    for (const offset of [-MAX_CLOCK_SKEW_SECONDS - 1, MAX_CLOCK_SKEW_SECONDS + 1]) {
      expect(checkSignatureHeaders(signature, String(Number(nowSeconds) + offset), nowMs)).toEqual({
        ok: false,
        reason: 'timestamp outside the allowed window',
      });
    }
  });

  it('refuses a header that was sent twice', () => {
    expect(checkSignatureHeaders(['ab'.repeat(64), 'ab'.repeat(64)], nowSeconds, nowMs).ok).toBe(false);
  });
});

describe('verifySignature', () => {
  it('verifies exactly the signed bytes and nothing else', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), fc.nat({ max: 511 }), (bytes, flip) => {
        const body = Buffer.from(bytes);
        const headers = signedHeaders(keys, body, nowSeconds);
        const check = checkSignatureHeaders(headers['x-signature-ed25519'], nowSeconds, nowMs);
        if (!check.ok) throw new Error(check.reason);
        expect(verifySignature(key, check.signed, body)).toBe(true);
        const tampered = Buffer.concat([body, Buffer.from([0])]);
        if (body.length > 0) tampered[flip % body.length] = (tampered[flip % body.length] ?? 0) ^ 1;
        expect(verifySignature(key, check.signed, tampered)).toBe(false);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('refuses a well-formed signature that is not a signature at all', () => {
    const check = checkSignatureHeaders('00'.repeat(64), nowSeconds, nowMs);
    if (!check.ok) throw new Error(check.reason);
    expect(verifySignature(key, check.signed, Buffer.from('{}'))).toBe(false);
  });
});

describe('ed25519PublicKey', () => {
  it.each(['', 'zz'.repeat(32), 'ab'.repeat(31)])('refuses %j as a key', (hex) => {
    expect(() => ed25519PublicKey(hex)).toThrow(/64 hex characters/);
  });
});
