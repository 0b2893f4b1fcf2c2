/**
 * Made-up 2021 online-rate results of Huyện Krông A Na's township and seven communes (by GSO
 * code), for the "reach the parent's target" specs: the district's target in the 2022 decision is
 * 53, and the floors of the 2022 row are 60 for a township, 40 for a commune.
 */
export const TOWNSHIP = '24538';
export const DISTRICT_TARGET = 53;
/** 2021: dossiers (a) and those online (b) per child. */
export const RESULTS_2021: Record<string, { denominator: number; numerator: number }> = {
  [TOWNSHIP]: { denominator: 900, numerator: 450 },
  '24556': { denominator: 100, numerator: 30 },
  '24559': { denominator: 200, numerator: 71 },
  '24565': { denominator: 100, numerator: 42 },
  '24568': { denominator: 50, numerator: 23.5 },
  '24571': { denominator: 100, numerator: 51 },
  '24574': { denominator: 100, numerator: 38 },
  '24577': { denominator: 150, numerator: 66 },
};
export const CHILDREN = Object.keys(RESULTS_2021);
/** The floor of the 2022 row for a child. */
export const floorOf = (code: string) => (code === TOWNSHIP ? 60 : 40);
