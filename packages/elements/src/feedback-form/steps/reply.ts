// How to reply: anonymous, or a name and one way to be contacted (email, phone or post).
import {html, type TemplateResult} from 'lit';
import type {Answers} from '../answers.js';
import {radios, textArea, textField} from '../fields.js';
import type {StepView} from './view.js';

export function replyStep(view: StepView): TemplateResult {
  const {kit, answers: a} = view;
  const methodFields = {
    email: textField(kit, {
      id: 'f-email',
      label: view.t('email.label'),
      type: 'email',
      autocomplete: 'email',
      widthClass: 'width-email',
      value: a.email,
      onInput: (value) => view.set('email', value),
    }),
    phone: textField(kit, {
      id: 'f-phone',
      label: view.t('phone.label'),
      hint: view.t('phone.hint'),
      type: 'tel',
      autocomplete: 'tel',
      widthClass: 'width-phone',
      value: a.phone,
      onInput: (value) => view.set('phone', value),
    }),
    post: textArea(kit, {
      id: 'f-address',
      label: view.t('address.label'),
      hint: view.t('address.hint'),
      autocomplete: 'street-address',
      rows: 4,
      value: a.address,
      onInput: (value) => view.set('address', value),
    }),
  };
  const contactFields = html`${textField(kit, {
    id: 'f-name',
    label: view.t('name.label'),
    optional: true,
    autocomplete: 'name',
    value: a.name,
    onInput: (value) => view.set('name', value),
  })}
  ${radios(kit, {
    id: 'f-method',
    legend: view.t('method.legend'),
    value: a.method,
    choices: (['email', 'phone', 'post'] as const).map((method) => ({
      value: method,
      label: view.t(`method.${method}`),
      reveal: methodFields[method],
    })),
    onChange: (value) => view.set('method', value as Answers['method']),
  })}`;
  return radios(kit, {
    id: 'f-reply',
    legend: view.t('reply.heading'),
    legendHeading: true,
    hint: view.t('reply.hint'),
    value: a.reply,
    choices: [
      {value: 'anonymous', label: view.t('reply.anonymous'), hint: view.t('reply.anonymous.hint')},
      {value: 'contact', label: view.t('reply.contact'), reveal: contactFields},
    ],
    onChange: (value) => view.set('reply', value as Answers['reply']),
  });
}
