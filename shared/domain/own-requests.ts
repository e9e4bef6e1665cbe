/**
 * The deputy's requests on his own initiative: the answer term by the office's jurisdiction (DOMAIN §2,
 * §10). 3-FZ Art. 14 gives 30 days for a State Duma deputy or a senator; regional laws set their own
 * (15 days for the Moscow City Duma and Yamalo-Nenets, 10 in Kalmykia). `region` is any other region's
 * law, with the days the office enters. Pure.
 */
export const JURISDICTIONS = ['federal', 'moscow', 'yamal', 'kalmykia', 'region'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** The term each jurisdiction's law sets, in calendar days; `region` has none of its own. */
export const JURISDICTION_DAYS: Readonly<Record<Jurisdiction, number | null>> = {
  federal: 30,
  moscow: 15,
  yamal: 15,
  kalmykia: 10,
  region: null,
};

/** The term a jurisdiction gives, or the office's own days for another region's law. */
export function jurisdictionTerm(j: Jurisdiction, ownDays: number): number {
  return JURISDICTION_DAYS[j] ?? ownDays;
}

export function isJurisdiction(s: string): s is Jurisdiction {
  return (JURISDICTIONS as readonly string[]).includes(s);
}
