// A React component that uses <care-feedback-picker> through its React wrapper, keeping the choice in React state.
import {useState, type ComponentProps} from 'react';
import {CareFeedbackPicker} from '@care-feedback/elements/react';

type Kind = NonNullable<ComponentProps<typeof CareFeedbackPicker>['value']>;

const CHOSEN: Record<Exclude<Kind, ''>, string> = {
  compliment: 'Thank you. We love to hear what went well.',
  complaint: 'We are sorry something went wrong. We will look into it.',
  comment: 'Thank you for telling us what you think.',
  suggestion: 'Thank you. Good ideas help us get better.',
  concern: 'Thank you for telling us. We take every worry seriously.',
};

export interface FeedbackStartProps {
  /** The id of the <care-feedback-form> the picker's Continue button takes the person to. */
  formId: string;
}

export function FeedbackStart({formId}: FeedbackStartProps) {
  const [kind, setKind] = useState<Kind>('');
  return (
    <section aria-labelledby="start-heading">
      <h2 id="start-heading">Start here</h2>
      {/* `value`, `for` and `legend` are set as element properties; onCareKindChange hears care-kind-change. */}
      <CareFeedbackPicker
        value={kind}
        for={formId}
        legend="What would you like to tell us?"
        onCareKindChange={(event) => setKind(event.detail.kind)}
      />
      {kind && <p className="chosen">{CHOSEN[kind]}</p>}
    </section>
  );
}
