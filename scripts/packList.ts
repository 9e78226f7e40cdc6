/**
 * The real datasets the site ships, as arguments of the packer (`npm run dataset`), so that
 * `npm run packs` rebuilds public/geo/<id>/ exactly from the published files in ../shared/data
 * (tests/unit/pack/shippedPacks.test.ts rebuilds them and compares every byte).
 */
import { join } from 'node:path';

export interface ShippedPack {
  id: string;
  /** Input files, relative to the data folder. */
  inputs: string[];
  args: string[];
}

const EUROSTAT_ATTRIBUTION =
  'Employment: Eurostat, Labour Force Survey (lfst_r_lfe2en2), reused with acknowledgement. Boundaries: © EuroGeographics for the administrative boundaries (Eurostat GISCO, NUTS 2013).';

export const SHIPPED_PACKS: ShippedPack[] = [
  {
    id: 'eu-nuts2-lfs',
    inputs: ['eu/lfst_r_lfe2en2_2008-2015.tsv', 'eu/nuts2013_level2_simplified1pct.geojson'],
    args: [
      '--filter', 'unit=THS',
      '--filter', 'age=Y_GE15',
      '--title', 'EU regions (NUTS 2) — employment by NACE Rev. 2 section, 2008–2015 (Eurostat LFS)',
      '--description',
      'Employed persons aged 15 and over, both sexes, by NACE Rev. 2 section (A*10), NUTS 2 regions, 2008–2015, in thousands, from the EU Labour Force Survey. The table codes regions in NUTS 2010/2013; the boundaries are NUTS 2013, which fits 318 of its regions. Values flagged by Eurostat (b break in series, u low reliability, c confidential) keep their flags (flags.csv), shown in the tooltip. The join report lists every code of the table not on the map with its reason.',
      '--source', 'Eurostat, Labour Force Survey, table lfst_r_lfe2en2 (employment by sex, age, economic activity and NUTS 2 regions)',
      '--source-url', 'https://ec.europa.eu/eurostat/databrowser/view/lfst_r_lfe2en2/default/table',
      '--licence', 'Eurostat data: free reuse with acknowledgement of the source; GISCO boundaries: © EuroGeographics for the administrative boundaries',
      '--attribution', EUROSTAT_ATTRIBUTION,
    ],
  },
  {
    id: 'ru-okved1',
    inputs: ['ru/rosstat_okved1_employment_grp_85regions.json', 'ru/russia_federal_subjects_gislab_osm.geojson'],
    args: [
      '--measure', 'ЧИСЛ',
      '--year', '2015',
      '--period', 'about 2015',
      '--unit', 'thousand persons',
      '--name-latin', 'name_latin',
      '--title', 'Russia — employment by OKVED-1 activity group, 83 federal subjects, about 2015 (Rosstat)',
      '--description',
      'Average annual number of employed persons by OKVED-1 activity group, in thousands, for the federal subjects of Russia; the source gives the year as about 2015. The boundaries are the 83 federal subjects as drawn before 2014: the Republic of Crimea and Sevastopol are in the statistics but not on the map (the join report lists them).',
      '--source', 'Rosstat regional statistics: average annual employment by activity (OKVED-1), measure ЧИСЛ',
      '--licence', 'Statistics: Rosstat, published official figures; boundaries: Open Database License (ODbL), © OpenStreetMap contributors',
      '--attribution', 'Employment: Rosstat (Federal State Statistics Service). Boundaries: © OpenStreetMap contributors, ODbL (via GIS-Lab).',
    ],
  },
];

/** The packer's command line for one pack: inputs under `dataRoot`, output in `outRoot/<id>`. */
export function packArgv(pack: ShippedPack, dataRoot: string, outRoot: string): string[] {
  return [...pack.inputs.map((file) => join(dataRoot, file)), '--out', join(outRoot, pack.id), ...pack.args];
}
