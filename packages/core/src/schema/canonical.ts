// One byte-for-byte form of a validated submission, so "the same body" can be compared exactly.
import type {Submission} from './submission.js';

/**
 * JSON of a validated submission with its keys sorted at every level. Two requests carry the same
 * submission exactly when their canonical JSON is equal, whatever order their keys came in and
 * whatever unknown fields they carried.
 */
export function canonicalSubmissionJson(submission: Submission): string {
  return JSON.stringify(sortKeys(submission));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const child = (value as Record<string, unknown>)[key];
    if (child !== undefined) sorted[key] = sortKeys(child);
  }
  return sorted;
}
