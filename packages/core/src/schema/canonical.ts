// One byte-for-byte form of a validated submission, so "the same body" can be compared exactly.
import {submissionSchema, type Submission} from './submission.js';

/**
 * JSON of a validated submission with its keys sorted at every level. Two requests carry the same
 * submission exactly when their canonical JSON is equal, whatever order their keys came in and
 * whatever unknown fields they carried.
 */
export function canonicalSubmissionJson(submission: Submission): string {
  plan ??= planFor(submissionSchema as unknown as SchemaNode)!;
  return JSON.stringify(sortedCopy(submission, plan));
}

/**
 * The sorted keys of each object in the schema. A validated submission holds no other keys, so they
 * are sorted once here rather than for every submission on the collector's busiest path.
 * `children` holds the plans of the keys whose values are objects, or lists of objects.
 */
interface Plan {
  keys: string[];
  children: Record<string, Plan>;
}

let plan: Plan | undefined;

/** What we read of a zod schema: the shape of an object, the inside of an optional or a list. */
interface SchemaNode {
  _zod: {def: {shape?: Record<string, SchemaNode>; innerType?: SchemaNode; element?: SchemaNode}};
}

function planFor(schema: SchemaNode): Plan | undefined {
  const {shape, innerType, element} = schema._zod.def;
  if (innerType) return planFor(innerType);
  if (element) return planFor(element);
  if (!shape) return undefined;
  const children: Record<string, Plan> = {};
  for (const [key, child] of Object.entries(shape)) {
    const childPlan = planFor(child);
    if (childPlan) children[key] = childPlan;
  }
  return {keys: Object.keys(shape).sort(), children};
}

function sortedCopy(value: unknown, plan: Plan): unknown {
  if (Array.isArray(value)) return value.map((item) => sortedCopy(item, plan));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of plan.keys) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    const childPlan = plan.children[key];
    sorted[key] = childPlan ? sortedCopy(child, childPlan) : child;
  }
  return sorted;
}
