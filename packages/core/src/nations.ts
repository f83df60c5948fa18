// The four nations: who a person can go to when a provider has not put a complaint right (the ombudsman),
// who inspects care (the regulator), and which GOV.UK bank-holiday list applies. The collector's
// `--nation` and the elements' `nation` setting pick one; England unless told otherwise. Names here are
// in English; each locale's strings (`ombudsman.<nation>`) give them in its own language.

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export interface NationFacts {
  /** The ombudsman for complaints about adult social care. */
  ombudsman: {name: string; short: string; url: string};
  /** The regulator of care services. */
  regulator: {name: string; short: string; url: string};
  /** The division of the GOV.UK bank-holidays JSON (https://www.gov.uk/bank-holidays.json). */
  bankHolidayDivision: 'england-and-wales' | 'scotland' | 'northern-ireland';
}

export const NATION_FACTS: Readonly<Record<Nation, NationFacts>> = {
  england: {
    ombudsman: {name: 'Local Government and Social Care Ombudsman', short: 'LGSCO', url: 'https://www.lgo.org.uk'},
    regulator: {name: 'Care Quality Commission', short: 'CQC', url: 'https://www.cqc.org.uk'},
    bankHolidayDivision: 'england-and-wales',
  },
  wales: {
    ombudsman: {name: 'Public Services Ombudsman for Wales', short: 'PSOW', url: 'https://www.ombudsman.wales'},
    regulator: {name: 'Care Inspectorate Wales', short: 'CIW', url: 'https://www.careinspectorate.wales'},
    bankHolidayDivision: 'england-and-wales',
  },
  scotland: {
    ombudsman: {name: 'Scottish Public Services Ombudsman', short: 'SPSO', url: 'https://www.spso.org.uk'},
    regulator: {name: 'Care Inspectorate', short: 'Care Inspectorate', url: 'https://www.careinspectorate.com'},
    bankHolidayDivision: 'scotland',
  },
  'northern-ireland': {
    ombudsman: {name: 'Northern Ireland Public Services Ombudsman', short: 'NIPSO', url: 'https://www.nipso.org.uk'},
    regulator: {name: 'Regulation and Quality Improvement Authority', short: 'RQIA', url: 'https://www.rqia.org.uk'},
    bankHolidayDivision: 'northern-ireland',
  },
};

export function isNation(value: string): value is Nation {
  return (NATIONS as readonly string[]).includes(value);
}
