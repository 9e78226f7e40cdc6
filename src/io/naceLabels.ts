/**
 * Titles of NACE Rev. 2 sections and of the A*10 aggregates Eurostat publishes regional tables in,
 * so a map of `nace_r2` reads "Construction (F)" rather than a bare letter. From Eurostat's NACE
 * Rev. 2 classification (section titles as published, in English).
 */
const NACE_R2: Record<string, string> = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply; sewerage, waste management and remediation activities',
  F: 'Construction',
  G: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  H: 'Transportation and storage',
  I: 'Accommodation and food service activities',
  J: 'Information and communication',
  K: 'Financial and insurance activities',
  L: 'Real estate activities',
  M: 'Professional, scientific and technical activities',
  N: 'Administrative and support service activities',
  O: 'Public administration and defence; compulsory social security',
  P: 'Education',
  Q: 'Human health and social work activities',
  R: 'Arts, entertainment and recreation',
  S: 'Other service activities',
  T: 'Activities of households as employers and for own use',
  U: 'Activities of extraterritorial organisations and bodies',
  'B-E': 'Industry (except construction)',
  'G-I': 'Wholesale and retail trade, transport, accommodation and food service activities',
  M_N: 'Professional, scientific, technical, administrative and support service activities',
  'O-Q': 'Public administration, defence, education, human health and social work activities',
  'R-U': 'Arts, entertainment and recreation; other services; households; extraterritorial bodies',
  NRP: 'No response',
  TOTAL: 'Total — all NACE activities',
};

/** "Construction (F)" for a NACE Rev. 2 code of a dimension named like `nace_r2`; undefined otherwise. */
export function naceTitle(dimension: string, code: string): string | undefined {
  if (!/^nace_r2$/i.test(dimension)) return undefined;
  const title = NACE_R2[code];
  return title === undefined ? undefined : `${title} (${code})`;
}
