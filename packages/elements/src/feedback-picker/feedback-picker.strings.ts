// The picker's English (en-GB) words. Translations live in locales/<locale>/picker.json, easy read in picker.easy.json.

export const pickerStrings = {
  legend: 'What would you like to tell us?',
  hint: 'Choose one.',
  'compliment.label': 'Compliment',
  'compliment.description': 'A compliment is when something went well and you want to say thank you.',
  'complaint.label': 'Complaint',
  'complaint.description': 'A complaint is when something went wrong and you want us to put it right.',
  'comment.label': 'Comment',
  'comment.description': 'A comment is anything else you want us to know.',
  'suggestion.label': 'Suggestion',
  'suggestion.description': 'A suggestion is an idea to make our service better.',
  'concern.label': 'Concern',
  'concern.description': 'A concern is when you are worried that someone is being hurt or is not safe.',
  continue: 'Continue',
  'error.prefix': 'Error:',
  'error.required': 'Choose what you would like to tell us.',
  'safeguarding.heading': 'If you are worried about someone’s safety',
  'safeguarding.danger': 'If someone is in danger now, call 999.',
  'safeguarding.notEmergency': 'If it is not an emergency, tell someone today:',
  'safeguarding.providerDefault': 'Ask to speak to the manager of the service.',
  'safeguarding.councilLink':
    'Contact the adult safeguarding team at your local council, who keep adults safe from harm',
  'safeguarding.councilFind':
    'Find the adult safeguarding team at your local council, who keep adults safe from harm',
  'safeguarding.formNote':
    'You can also tell us here. We may not read it straight away, so do not wait for us if someone is at risk.',
  'safeguarding.goOn': 'Go on to tell us your concern',
  'safeguarding.announce': 'Safety advice is shown below the choices. If someone is in danger now, call 999.',
};

export type PickerStrings = typeof pickerStrings;
