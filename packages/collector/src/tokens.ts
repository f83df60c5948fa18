// Provider tokens: shown once, stored only as a hash, compared in constant time.
import {createHash, randomBytes, timingSafeEqual} from 'node:crypto';
import type {Store, TokenRecord} from './types.js';

const TOKEN_PATTERN = /^cft_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Makes a token; returns the full token (to print once) and the record to store. */
export function mintToken(
  name: string,
  now: Date,
  services: string[] = [],
): {token: string; record: TokenRecord} {
  const id = randomBytes(9)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 12)
    .padEnd(12, '0');
  const secret = randomBytes(32).toString('base64url');
  return {
    token: `cft_${id}_${secret}`,
    record: {id, name, hash: hash(secret), createdAt: now.toISOString(), revokedAt: null, services},
  };
}

/** What is wrong with a list of service ids for a token, or undefined when it is fine. */
export function servicesProblem(services: unknown): string | undefined {
  if (!Array.isArray(services) || services.length > 100) return 'Give a list of up to 100 service ids.';
  for (const service of services) {
    if (typeof service !== 'string' || !service.trim() || service.length > 200 || /[\u0000-\u001f\u007f]/.test(service))
      return 'Each service id is 1 to 200 characters, with no control characters.';
  }
  return undefined;
}

/**
 * Creates and stores a token for `name`, limited to `services` when any are given; the returned token
 * is never stored or shown again.
 */
export async function createToken(
  store: Store,
  name: string,
  now = new Date(),
  actor = 'cli',
  services: string[] = [],
): Promise<{token: string; record: TokenRecord}> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new Error('A token needs a name of 1 to 100 characters, with no control characters.');
  }
  const problem = servicesProblem(services);
  if (problem) throw new Error(problem);
  const minted = mintToken(trimmed, now, [...new Set(services.map((service) => service.trim()))]);
  await store.createToken(minted.record);
  const scope = minted.record.services.length ? ` (services: ${minted.record.services.join(', ')})` : '';
  await store.appendAudit([
    {at: now.toISOString(), actor, reference: null, action: 'token-create', detail: trimmed + scope},
  ]);
  return minted;
}

/**
 * The token record a bearer token belongs to, when valid and not revoked. Looked up by its public id,
 * then the secret's hash is compared in constant time; read from the store each time, so a token
 * made or revoked while the server runs counts at once.
 */
export async function verifyToken(
  store: Store,
  presented: string,
): Promise<TokenRecord | undefined> {
  const match = TOKEN_PATTERN.exec(presented);
  if (!match) return undefined;
  const record = await store.findToken(match[1]!);
  const expected = Buffer.from(record?.hash ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(hash(match[2]!), 'hex');
  const same = expected.length === actual.length && timingSafeEqual(expected, actual);
  return record && same && !record.revokedAt ? record : undefined;
}
