// The default list of care themes, written here for adult social care in England and Wales. Migration 14
// puts them in every store; a provider renames, retires and adds to them from the inbox (docs/learning.md).
// A theme's id never changes: the keyword rules (en-GB.ts, cy.ts, ur.ts) and every tag use it.
export const DEFAULT_THEMES: ReadonlyArray<{id: string; name: string}> = [
  {id: 'missed-or-late-visits', name: 'Missed or late visits'},
  {id: 'continuity-of-carers', name: 'Continuity of carers'},
  {id: 'staff-attitude', name: 'Staff attitude and kindness'},
  {id: 'communication', name: 'Communication'},
  {id: 'medicines', name: 'Medicines'},
  {id: 'food-and-drink', name: 'Food and drink'},
  {id: 'dignity-and-privacy', name: 'Dignity and privacy'},
  {id: 'personal-care', name: 'Personal care'},
  {id: 'choice-and-control', name: 'Choice and control'},
  {id: 'safety-and-safeguarding', name: 'Safety and safeguarding'},
  {id: 'cleanliness', name: 'Cleanliness'},
  {id: 'activities', name: 'Activities'},
  {id: 'money-and-fees', name: 'Money and fees'},
  {id: 'equipment', name: 'Equipment'},
  {id: 'end-of-life-care', name: 'End of life care'},
  {id: 'health-and-wellbeing', name: 'Health and wellbeing'},
  {id: 'staffing-levels', name: 'Staffing levels'},
  {id: 'family-and-visiting', name: 'Family and visiting'},
  {id: 'laundry-and-belongings', name: 'Laundry and belongings'},
  {id: 'building-and-surroundings', name: 'Building and surroundings'},
];

/** The time the default list was written, so migration 14 is the same text every time it runs. */
export const DEFAULT_THEMES_WRITTEN_AT = '2026-12-04T00:00:00.000Z';
