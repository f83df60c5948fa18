// The provider's services, given to the form as JSON in its `services` attribute.
import {LIMITS} from '@care-feedback/core/schema/vocabulary';
import {devWarn} from '../shared/dev.js';

/** A service a provider offers, for the "which service" question. */
export interface CareService {
  id: string;
  label: string;
}

export const servicesConverter = {
  fromAttribute(value: string | null): CareService[] {
    if (!value) return [];
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed.filter(isService);
    } catch {
      // Shown to the developer below; the person simply does not see the question.
    }
    devWarn(
      '<care-feedback-form> services must be JSON like [{"id":"home-care","label":"Home care"}].',
      value,
    );
    return [];
  },
};

function isService(value: unknown): value is CareService {
  const service = value as CareService | null;
  return (
    typeof service?.id === 'string' &&
    typeof service.label === 'string' &&
    service.id.trim() !== '' &&
    [...service.id].length <= LIMITS.service
  );
}
