import { createPublicKey, type KeyObject } from 'node:crypto';

/** The DER header (RFC 8410) that makes a raw 32-byte Ed25519 key a SubjectPublicKeyInfo. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** A raw 32-byte public key, as hex, as a node:crypto key to verify Discord's signatures with. */
export function ed25519PublicKey(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Ed25519 public key checks (RFC 8032). node:crypto imports any 32 bytes as a key and verifies
 * against it, including degenerate points: with the identity (01 00 .. 00) as the key, the signature
 * (R = identity, S = 0) verifies for every message, so anyone could forge interactions. A key is
 * taken only if it is a canonical encoding of a curve point of prime order L, as every real key is.
 * node:crypto has no point arithmetic to ask, so this is the textbook BigInt version: decode the
 * point (RFC 8032 5.1.3), then multiply by 8 (small order: the identity) and by L (prime order: the
 * identity). It runs once, at start-up, in a few milliseconds.
 */
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
const mod = (a: bigint) => ((a % P) + P) % P;
function power(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % P;
    b = (b * b) % P;
  }
  return result;
}
const D = mod(-121665n * power(121666n, P - 2n));
const SQRT_M1 = power(2n, (P - 1n) / 4n);

/** A point in extended coordinates (X : Y : Z : T), x = X/Z, y = Y/Z, xy = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint];
const identity: Point = [0n, 1n, 1n, 0n];

/** Addition on the twisted Edwards curve -x² + y² = 1 + d·x²·y² (RFC 8032 5.1.4); complete, so it also doubles. */
function add([x1, y1, z1, t1]: Point, [x2, y2, z2, t2]: Point): Point {
  const a = mod((y1 - x1) * (y2 - x2));
  const b = mod((y1 + x1) * (y2 + x2));
  const c = mod(2n * D * t1 * t2);
  const d = mod(2n * z1 * z2);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(point: Point, scalar: bigint): Point {
  let result = identity;
  let addend = point;
  for (let k = scalar; k > 0n; k >>= 1n) {
    if (k & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

const isIdentity = ([x, y, z]: Point) => x === 0n && mod(y - z) === 0n;

/** What is wrong with a 64-hex-character Ed25519 public key, if anything; never the key itself. */
export function publicKeyProblem(hex: string): string | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return 'expected 64 hex characters';
  const bytes = Buffer.from(hex, 'hex');
  try {
    ed25519PublicKey(hex); // what the server will verify with; it must at least take the bytes
  } catch {
    return 'is not an Ed25519 public key node:crypto accepts';
  }
  const encoded = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  const y = encoded & ((1n << 255n) - 1n);
  const sign = encoded >> 255n;
  const nonCanonical = 'is not a canonical Ed25519 public key encoding';
  if (y >= P) return nonCanonical;
  // x² = (y² - 1) / (d·y² + 1); the square root as RFC 8032 5.1.3 takes it.
  const u = mod(y * y - 1n);
  const v = mod(D * y * y + 1n);
  let x = mod(u * power(v, 3n) * power(u * power(v, 7n), (P - 5n) / 8n));
  if (mod(v * x * x) === mod(-u)) x = mod(x * SQRT_M1);
  else if (mod(v * x * x) !== u) return 'is not a point on the Ed25519 curve';
  if (x === 0n && sign === 1n) return nonCanonical;
  if ((x & 1n) !== sign) x = P - x;
  const point: Point = [x, y, 1n, mod(x * y)];
  if (isIdentity(multiply(point, 8n))) {
    return "is a degenerate key (a point of small order), not an application's public key";
  }
  if (!isIdentity(multiply(point, L))) {
    return 'is not a point of prime order (a small-order point was added to it)';
  }
  return undefined;
}
