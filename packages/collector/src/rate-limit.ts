// Per-address rate limiting: a token bucket of N submissions a minute, with bounded memory.

export interface RateLimiter {
  /** 0 when allowed (and counted), else the whole seconds to wait before trying again. */
  take(address: string, now: number): number;
}

export function createRateLimiter(
  perMinute: number,
  maxAddresses = 100_000,
): RateLimiter | undefined {
  if (!(perMinute > 0)) return undefined;
  const refillPerMs = perMinute / 60_000;
  const buckets = new Map<string, {tokens: number; at: number}>();
  return {
    take(address, now) {
      let bucket = buckets.get(address);
      if (bucket) {
        bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
        bucket.at = now;
      } else {
        // A flood of addresses must not grow memory without end: forget the oldest (Maps keep insertion order).
        if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!);
        bucket = {tokens: perMinute, at: now};
        buckets.set(address, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
    },
  };
}
