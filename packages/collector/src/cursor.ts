// Paging cursors for the provider lists (feedback, the involvement register): the last row's time and
// reference, opaque to clients, and read back only if they are exactly what we made.

export interface Cursor {
  receivedAt: string;
  reference: string;
}

const ISO_MILLISECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt, cursor.reference])).toString('base64url');
}

/** The cursor in `text`, or undefined for one we did not make (nothing a database could choke on gets through). */
export function decodeCursor(text: string, referencePattern: RegExp): Cursor | undefined {
  try {
    const [receivedAt, reference] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      typeof receivedAt === 'string' &&
      ISO_MILLISECONDS.test(receivedAt) &&
      typeof reference === 'string' &&
      referencePattern.test(reference)
    )
      return {receivedAt, reference};
  } catch {
    // fall through: a cursor we did not make
  }
  return undefined;
}
