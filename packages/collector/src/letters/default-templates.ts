// The built-in wording of the complaint letters, used until a provider saves its own (PUT
// /v1/letter-templates/:kind). Written here in plain English, short sentences a 9-year-old could follow,
// after the LGSCO's guidance: say what happens next and by when, answer each point, say sorry where it is
// due, say how it will be put right, and always give the ombudsman's name and how to reach it.
//
// The syntax is small on purpose, so a manager can change it in a text box: a blank line starts a new
// paragraph; a paragraph that starts with "# " is a heading; `{{name}}` is a placeholder; `{{points}}` or
// `{{outcomes}}` alone in a paragraph becomes a bulleted list.
import type {LetterKind, LetterTemplate} from '@care-feedback/core/provider';

const HEADER = `Our reference: {{reference}}
Date: {{today}}

Dear {{name}}`;

const SIGN_OFF = `Yours sincerely,

{{investigator}}`;

const FORMATS = 'If you would like this letter in large print, easy read or another way, please tell us.';

export const DEFAULT_LETTER_TEMPLATES: Readonly<Record<LetterKind, LetterTemplate>> = {
  acknowledgement: {
    standard: `${HEADER}

# Your complaint

Thank you for telling us about your complaint. We got it on {{receivedDate}}.

We are sorry you are not happy with our service. Every complaint matters to us.

{{investigator}} will look into your complaint. They may ring you or write to you to find out more.

These are the points we will look into:

{{points}}

If we have missed something, please tell us.

You will get our answer by {{responseDate}}. If we need more time, we will tell you why and give you a new date.

${FORMATS}

${SIGN_OFF}`,
    easyRead: `${HEADER}

# We have your complaint

Thank you for telling us.

We got your complaint on this day:
{{receivedDate}}

We are sorry you are not happy.

{{investigator}} will look into it.

They may ring you or write to you.

We will look at these things:

{{points}}

Have we missed something? Please tell us.

We will write to you again by:
{{responseDate}}

${SIGN_OFF}`,
  },
  holding: {
    standard: `${HEADER}

# We need more time

We said we would answer your complaint by {{agreedDate}}. We are sorry, but we need more time to look into it properly.

This is why: {{extensionReason}}

You will now get our answer by {{newDate}}.

{{investigator}} is still looking into your complaint. You can ask them how it is going at any time.

If you are not happy that it is taking longer, please tell us. You can also ask the ombudsman for help.

The ombudsman for us is the {{ombudsmanName}}.
Website: {{ombudsmanWebsite}}

${FORMATS}

${SIGN_OFF}`,
    easyRead: `${HEADER}

# We need more time

We said we would write to you by:
{{agreedDate}}

We are sorry. We need more time.

This is why: {{extensionReason}}

Now we will write to you by:
{{newDate}}

You can ask {{investigator}} how it is going.

Not happy about the wait? Please tell us.

You can also ask the ombudsman for help.

The ombudsman for us is the {{ombudsmanName}}.
Website: {{ombudsmanWebsite}}

${SIGN_OFF}`,
  },
  response: {
    standard: `${HEADER}

# Our answer to your complaint

We have finished looking into your complaint. Thank you for waiting. This letter tells you what we found and what we will do.

{{investigator}} looked into it.

This is what we found about each point:

{{outcomes}}

{{apology}}

This is what we will do to put things right:

{{remedy}}

# If you are still not happy

Please tell us if you are not happy with our answer.

You can also ask the ombudsman to look at your complaint. The ombudsman is free to use. It does not work for us and it does not take sides. Go to them within 12 months if you can.

The ombudsman for us is the {{ombudsmanName}}.
Website: {{ombudsmanWebsite}}

${FORMATS}

${SIGN_OFF}`,
    easyRead: `${HEADER}

# Our answer

We have looked into your complaint.

Thank you for waiting.

{{investigator}} looked into it.

This is what we found:

{{outcomes}}

{{apology}}

This is what we will do:

{{remedy}}

# Still not happy?

Please tell us.

You can also ask the ombudsman.

The ombudsman is free.

The ombudsman does not work for us.

The ombudsman for us is the {{ombudsmanName}}.
Website: {{ombudsmanWebsite}}

${SIGN_OFF}`,
  },
};
