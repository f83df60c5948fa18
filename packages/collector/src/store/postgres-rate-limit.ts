// The rate limit shared by every collector on one PostgreSQL: a token bucket per client address, kept in
// the database, so N submissions a minute means N for the whole service, however many collectors run
// behind the load balancer (each in-memory bucket would let N through per collector).
import {createHash, randomBytes} from 'node:crypto';
import type pg from 'pg';

/**
 * Made with the store, under its migration lock. UNLOGGED: buckets are worth nothing after a crash (they
 * refill within a minute), so they skip the write-ahead log, which keeps the check cheap.
 */
export async function createRateLimitTables(client: pg.PoolClient): Promise<void> {
  await client.query(`
    CREATE UNLOGGED TABLE IF NOT EXISTS rate_limits (
      key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at_ms BIGINT NOT NULL, allowed BOOLEAN NOT NULL);
    CREATE TABLE IF NOT EXISTS rate_limit_salt (id INTEGER PRIMARY KEY CHECK (id = 1), salt TEXT NOT NULL);`);
  await client.query('INSERT INTO rate_limit_salt (id, salt) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [
    randomBytes(24).toString('hex'),
  ]);
}

// One statement: refill by the time since the last request (by the database's clock, the one clock all
// collectors share), take a token if there is one, and say whether it was taken.
const TAKE = `
  WITH now AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT AS ms)
  INSERT INTO rate_limits AS r (key, tokens, at_ms, allowed)
  SELECT $1, $2 - 1, now.ms, TRUE FROM now
  ON CONFLICT (key) DO UPDATE SET
    allowed = LEAST($2, r.tokens + (EXCLUDED.at_ms - r.at_ms) * $2 / 60000.0) >= 1,
    tokens = LEAST($2, r.tokens + (EXCLUDED.at_ms - r.at_ms) * $2 / 60000.0)
             - CASE WHEN LEAST($2, r.tokens + (EXCLUDED.at_ms - r.at_ms) * $2 / 60000.0) >= 1 THEN 1 ELSE 0 END,
    at_ms = EXCLUDED.at_ms
  RETURNING tokens, allowed`;

/**
 * Takes a token for `address`: resolves 0 when allowed, else the whole seconds to wait. Addresses are
 * kept only as a salted hash (the salt is random per database), and a bucket idle for a minute is full
 * again, so it is deleted: nothing about a visitor stays longer than that.
 */
export function postgresRateLimiter(pool: pg.Pool) {
  let salt: Promise<string> | undefined;
  let lastSweep = 0;
  const hashed = async (address: string) => {
    salt ??= pool.query<{salt: string}>('SELECT salt FROM rate_limit_salt WHERE id = 1').then((r) => r.rows[0]!.salt);
    return createHash('sha256').update(await salt).update(address).digest('base64url');
  };
  return async (address: string, perMinute: number): Promise<number> => {
    const {rows} = await pool.query<{tokens: number; allowed: boolean}>(TAKE, [await hashed(address), perMinute]);
    const {tokens, allowed} = rows[0]!;
    if (Date.now() - lastSweep > 60_000) {
      lastSweep = Date.now();
      void pool
        .query(`DELETE FROM rate_limits WHERE at_ms < (extract(epoch FROM clock_timestamp()) * 1000)::BIGINT - 60000`)
        .catch(() => {});
    }
    if (allowed) return 0;
    return Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute));
  };
}
