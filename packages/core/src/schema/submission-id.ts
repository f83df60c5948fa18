// New submission ids: UUID version 7 (RFC 9562), made in the browser.

/**
 * A UUID whose first 48 bits are the time in milliseconds and whose other 74 are random. Any UUID is
 * a valid id; we make time-ordered ones because collectors index ids, and an index takes new keys
 * far more cheaply in order than scattered over random pages (bench/ measures the difference).
 * 74 random bits still make an id impossible to guess, and the time it holds is in `createdAt` too.
 */
export function newSubmissionId(now: number = Date.now()): string {
  // A random (version 4) UUID gives the random bits and the variant; the time and version replace
  // its first 13 hex digits.
  const random = crypto.randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
