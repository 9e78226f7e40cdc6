/**
 * Cluster categories of the synthetic economy. Names and the traded/local split follow the U.S.
 * Cluster Mapping Project's cluster definitions (Delgado, Porter & Stern 2016); the parameters are
 * invented but of realistic magnitude, and chosen so that each category shows something on the map.
 */
export interface CategoryCore {
  metro: string;
  /** Weight of this core in the first demo year. */
  first: number;
  /** Weight in the last year; the weight moves linearly in between (a "shift" when it differs). */
  last: number;
}

export interface CategorySpec {
  id: string;
  name: string;
  group: 'traded' | 'local';
  /** Share of all U.S. jobs in the latest year, percent (renormalised over all categories). */
  share: number;
  /** Annual growth of the category's national employment, e.g. -0.05 = 5 % decline a year. */
  growth: number;
  /** Typical employees per establishment. */
  plantSize: number;
  /** Distance-decay scale of the cores' pull, km. */
  radiusKm: number;
  /**
   * Intensity at a core relative to the uniform base of 1 (before normalisation): with amplitude
   * 10 a county at a core has ~11 times the category's share of a county far from every core.
   */
  amplitude: number;
  cores: CategoryCore[];
}

type CoreShorthand = [metro: string, first: number, last?: number];

function spec(
  id: string,
  name: string,
  group: 'traded' | 'local',
  share: number,
  growth: number,
  plantSize: number,
  radiusKm: number,
  amplitude: number,
  cores: CoreShorthand[],
): CategorySpec {
  return {
    id,
    name,
    group,
    share,
    growth,
    plantSize,
    radiusKm,
    amplitude,
    cores: cores.map(([metro, first, last]) => ({ metro, first, last: last ?? first })),
  };
}

const T = 'traded';
const L = 'local';

// prettier-ignore
export const CATEGORY_SPECS: readonly CategorySpec[] = [
  //   id                      name                                                   group share growth  plant radius amp  cores [metro, first weight, last weight]
  spec('aerospace', 'Aerospace Vehicles and Defense', T, 0.45, 0.005, 120, 80, 14, [['seattle', 1, 0.7], ['wichita', 0.8], ['los-angeles', 0.4], ['charleston-sc', 0, 0.6], ['dallas', 0.3]]),
  spec('agriculture', 'Agricultural Inputs and Services', T, 0.45, 0.005, 12, 300, 4, [['sacramento', 1], ['minneapolis', 0.6], ['kansas-city', 0.6], ['memphis', 0.5]]),
  spec('apparel', 'Apparel', T, 0.12, -0.045, 20, 80, 12, [['los-angeles', 1], ['new-york', 0.8], ['greensboro', 0.4, 0.2]]),
  spec('automotive', 'Automotive', T, 0.65, 0.01, 90, 110, 12, [['detroit', 1, 0.75], ['indianapolis', 0.5], ['nashville', 0.15, 0.6], ['greenville-sc', 0.1, 0.5], ['birmingham', 0.1, 0.45]]),
  spec('biopharma', 'Biopharmaceuticals', T, 0.25, 0.03, 60, 80, 16, [['boston', 1], ['philadelphia', 0.8], ['san-francisco', 0.7], ['san-diego', 0.5], ['raleigh', 0.2, 0.5]]),
  spec('business-services', 'Business Services', T, 5, 0.025, 12, 80, 3, [['new-york', 1], ['washington', 1], ['san-francisco', 0.7], ['chicago', 0.5], ['dallas', 0.4]]),
  spec('coal-mining', 'Coal Mining', T, 0.04, -0.06, 70, 120, 150, [['charleston-wv', 1], ['pittsburgh', 0.3], ['gillette-wy', 0.6]]),
  spec('communications', 'Communications Equipment and Services', T, 0.6, -0.005, 25, 80, 5, [['san-jose', 1], ['dallas', 0.6], ['atlanta', 0.4], ['denver', 0.4]]),
  spec('construction-products', 'Construction Products and Services', T, 0.5, 0.015, 15, 150, 3, [['houston', 1], ['dallas', 0.6], ['phoenix', 0.4]]),
  spec('distribution', 'Distribution and Electronic Commerce', T, 5.5, 0.03, 14, 100, 2, [['memphis', 1], ['chicago', 0.8], ['new-york', 0.6], ['riverside', 0.3, 0.9], ['dallas', 0.5]]),
  spec('downstream-chemical', 'Downstream Chemical Products', T, 0.25, -0.005, 45, 100, 6, [['new-york', 1], ['chicago', 0.6], ['cincinnati', 0.6], ['st-louis', 0.4]]),
  spec('downstream-metal', 'Downstream Metal Products', T, 0.45, -0.01, 30, 120, 5, [['cleveland', 1], ['chicago', 0.8], ['milwaukee', 0.6], ['pittsburgh', 0.4]]),
  spec('education', 'Education and Knowledge Creation', T, 2.4, 0.015, 50, 80, 5, [['boston', 1], ['washington', 0.6], ['raleigh', 0.5], ['san-francisco', 0.5], ['new-york', 0.4]]),
  spec('electric-power', 'Electric Power Generation and Transmission', T, 0.12, -0.005, 30, 150, 5, [['charlotte', 1], ['atlanta', 0.6], ['houston', 0.6], ['phoenix', 0.3]]),
  spec('financial-services', 'Financial Services', T, 2.5, 0.01, 15, 80, 6, [['new-york', 1, 0.8], ['charlotte', 0.4, 0.7], ['chicago', 0.4], ['boston', 0.35], ['dallas', 0.2, 0.4]]),
  spec('fishing', 'Fishing and Fishing Products', T, 0.04, -0.015, 8, 120, 80, [['anchorage', 1.5], ['seattle', 1], ['boston', 0.6], ['new-orleans', 0.6]]),
  spec('food-processing', 'Food Processing and Manufacturing', T, 0.8, 0.008, 60, 200, 4, [['chicago', 0.6], ['milwaukee', 0.6], ['minneapolis', 0.6], ['kansas-city', 0.6], ['los-angeles', 0.3]]),
  spec('forestry', 'Forestry', T, 0.04, -0.015, 8, 200, 40, [['portland', 1], ['seattle', 0.6], ['birmingham', 0.5]]),
  spec('furniture', 'Furniture', T, 0.25, -0.025, 35, 80, 12, [['greensboro', 1], ['memphis', 0.5], ['detroit', 0.3]]),
  spec('hospitality', 'Hospitality and Tourism', T, 2.6, 0.015, 40, 80, 5, [['las-vegas', 1], ['orlando', 1], ['honolulu', 0.8], ['miami', 0.5], ['new-orleans', 0.5]]),
  spec('it', 'Information Technology and Analytical Instruments', T, 1.0, 0.04, 30, 80, 10, [['san-jose', 1], ['seattle', 0.6], ['austin', 0.2, 0.7], ['boston', 0.4], ['salt-lake-city', 0.05, 0.4]]),
  spec('insurance', 'Insurance Services', T, 0.9, 0.005, 25, 80, 5, [['hartford', 1], ['columbus', 0.6], ['dallas', 0.4], ['minneapolis', 0.4]]),
  spec('livestock-processing', 'Livestock Processing', T, 0.35, 0.005, 150, 250, 6, [['kansas-city', 1], ['oklahoma-city', 0.6], ['minneapolis', 0.5], ['atlanta', 0.3]]),
  spec('marketing', 'Marketing, Design, and Publishing', T, 0.9, 0.01, 12, 80, 5, [['new-york', 1], ['los-angeles', 0.5], ['chicago', 0.5], ['san-francisco', 0.5]]),
  spec('medical-devices', 'Medical Devices', T, 0.3, 0.015, 60, 80, 10, [['minneapolis', 1], ['boston', 0.6], ['salt-lake-city', 0.5], ['los-angeles', 0.4], ['san-diego', 0.3]]),
  spec('metal-mining', 'Metal Mining', T, 0.03, -0.01, 100, 200, 150, [['elko-nv', 1], ['duluth', 0.6], ['phoenix', 0.5]]),
  spec('metalworking', 'Metalworking Technology', T, 0.3, -0.005, 25, 120, 6, [['cleveland', 1], ['detroit', 0.6], ['milwaukee', 0.6], ['chicago', 0.4]]),
  spec('music', 'Music and Sound Recording', T, 0.02, 0.01, 10, 80, 40, [['los-angeles', 1, 0.6], ['nashville', 0.4, 0.9], ['new-york', 0.5]]),
  spec('oil-gas', 'Oil and Gas Production and Transportation', T, 0.5, 0.01, 30, 250, 10, [['houston', 1, 0.7], ['midland-tx', 0.3, 1], ['oklahoma-city', 0.5], ['denver', 0.2], ['pittsburgh', 0, 0.3]]),
  spec('paper', 'Paper and Packaging', T, 0.28, -0.015, 70, 200, 5, [['milwaukee', 1], ['birmingham', 0.6], ['charlotte', 0.4], ['portland', 0.4]]),
  spec('performing-arts', 'Performing Arts', T, 0.3, 0.015, 8, 80, 6, [['new-york', 1], ['los-angeles', 1], ['nashville', 0.4], ['las-vegas', 0.4]]),
  spec('plastics', 'Plastics', T, 0.5, 0, 60, 150, 4, [['cleveland', 1], ['chicago', 0.6], ['indianapolis', 0.4], ['atlanta', 0.3]]),
  spec('production-technology', 'Production Technology and Heavy Machinery', T, 0.6, 0.005, 50, 150, 4, [['milwaukee', 1], ['chicago', 0.8], ['cincinnati', 0.5], ['houston', 0.4]]),
  spec('textiles', 'Textile Manufacturing', T, 0.15, -0.03, 50, 100, 40, [['dalton-ga', 1.2], ['greenville-sc', 1], ['greensboro', 1]]),
  spec('transportation', 'Transportation and Logistics', T, 2.2, 0.02, 20, 80, 4, [['memphis', 1], ['atlanta', 0.6], ['chicago', 0.5], ['dallas', 0.5], ['anchorage', 0.5]]),
  spec('upstream-chemical', 'Upstream Chemical Products', T, 0.13, 0, 80, 120, 30, [['houston', 1], ['new-orleans', 0.8], ['charleston-wv', 0.3]]),
  spec('upstream-metal', 'Upstream Metal Manufacturing', T, 0.25, -0.015, 80, 120, 8, [['pittsburgh', 1], ['chicago', 0.8], ['cleveland', 0.6], ['birmingham', 0.4]]),
  spec('video', 'Video Production and Distribution', T, 0.25, 0.02, 20, 80, 10, [['los-angeles', 1, 0.75], ['new-york', 0.5], ['atlanta', 0.05, 0.45]]),
  spec('water-transportation', 'Water Transportation', T, 0.06, 0, 30, 80, 30, [['new-orleans', 1], ['houston', 0.6], ['seattle', 0.5], ['miami', 0.5]]),
  spec('wood-products', 'Wood Products', T, 0.3, 0, 30, 200, 6, [['portland', 1], ['seattle', 0.5], ['birmingham', 0.4]]),
  // Local clusters serve their own county: they follow total employment, with noise and no cores.
  spec('local-health', 'Local Health Services', L, 14, 0.02, 22, 0, 0, []),
  spec('local-hospitality', 'Local Hospitality Establishments', L, 9.5, 0.015, 18, 0, 0, []),
  spec('local-retail', 'Local Retailing of Clothing and General Merchandise', L, 5.5, -0.005, 15, 0, 0, []),
  spec('local-commercial', 'Local Commercial Services', L, 6, 0.012, 12, 0, 0, []),
  spec('local-real-estate', 'Local Real Estate, Construction, and Development', L, 6.5, 0.015, 8, 0, 0, []),
  spec('local-education', 'Local Education and Training', L, 3.5, 0.008, 30, 0, 0, []),
  spec('local-household', 'Local Household Goods and Services', L, 5.5, 0.005, 10, 0, 0, []),
  spec('local-personal', 'Local Personal Services (Non-Medical)', L, 2.5, 0.01, 6, 0, 0, []),
  spec('local-motor-vehicle', 'Local Motor Vehicle Products and Services', L, 3, 0.005, 12, 0, 0, []),
  spec('local-food', 'Local Food and Beverage Processing and Distribution', L, 3.5, 0.005, 20, 0, 0, []),
  spec('local-financial', 'Local Financial Services', L, 2.5, 0.005, 10, 0, 0, []),
  spec('local-community', 'Local Community and Civic Organizations', L, 2.5, 0.005, 8, 0, 0, []),
];
