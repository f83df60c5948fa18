// "You said": the answers to a consultation, counted. Free text is only counted, never quoted, so what
// is published can never hold a person's own words or details.
import type {Consultation, ConsultationSummary} from './consultation.js';

/** Counts `answers` (each person's answers, by question id) for each of the consultation's questions. */
export function summariseConsultation(
  consultation: Pick<Consultation, 'questions'>,
  answers: ReadonlyArray<Readonly<Record<string, unknown>>>,
): ConsultationSummary {
  return {
    responses: answers.length,
    questions: consultation.questions.map((question) => {
      const given = answers
        .map((one) => (Object.hasOwn(one, question.id) ? one[question.id] : undefined))
        .filter((answer) => answer !== undefined && !(typeof answer === 'string' && answer.trim() === ''));
      const base = {id: question.id, type: question.type, text: question.text, answered: given.length};
      if (question.type === 'choice') {
        const counts = Object.fromEntries((question.options ?? []).map((option) => [option.id, 0]));
        for (const answer of given) if (typeof answer === 'string' && answer in counts) counts[answer]!++;
        return {...base, counts};
      }
      if (question.type === 'scale') {
        const max = question.scale?.max ?? 0;
        const distribution = Object.fromEntries(Array.from({length: max}, (_, i) => [String(i + 1), 0]));
        for (const answer of given) if (typeof answer === 'number' && String(answer) in distribution) distribution[String(answer)]!++;
        return {...base, distribution};
      }
      return base;
    }),
  };
}
