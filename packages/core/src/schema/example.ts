// The example submission from DESIGN.md, for tests, docs and benches.
import type {Submission} from './submission.js';

export function exampleSubmission(overrides: Partial<Submission> = {}): Submission {
  return {
    schemaVersion: 1,
    id: '7f0c1a9e-3c1b-4d6a-9d7e-2b8f6a1c0e55',
    kind: 'complaint',
    rating: 'poor',
    message: 'Carers arrived two hours late three times this week.',
    improvement: 'Ring me when you are running late.',
    service: 'home-care-north',
    relationship: 'family-or-friend',
    contact: {name: 'Sam', email: 'sam@example.org', phone: '01632 960000', preferredMethod: 'phone'},
    communicationNeeds: ['large-print'],
    consent: {store: true, contact: true, publish: false},
    locale: 'en-GB',
    page: {url: 'https://provider.example/have-your-say', title: 'Have your say'},
    createdAt: '2026-11-26T10:00:00.000Z',
    client: {name: 'care-feedback', version: '0.1.0'},
    spam: {hp: '', elapsedMs: 48000},
    ...overrides,
  };
}
