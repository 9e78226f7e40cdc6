// NUTS level-2 codes of NUTS 2010, the code list that Eurostat tables of 2008–2014 (the LFS table
// among them) partly still use: EL11–EL25 (Greece before its 2013 recoding), FR91–FR94 (the
// overseas departments before FRA1–FRA4), SI01/SI02 and UKI1/UKI2 (redrawn in 2013).
// No GISCO file of NUTS 2010 is in ../shared/data, so the list is committed here, derived from
// the code_v2010 column of the JRC NUTS converter matrix n2_cm_v2010_v2013.csv (European
// Commission, Joint Research Centre, C. Pigaiani and F. Batista, release 2025.08,
// https://urban.jrc.ec.europa.eu/nutsconverter), as redistributed in the R package `nuts`
// (github.com/ropensci/nuts, data-raw/_JRC_NUTSconverter_Matrices_rel.2025.08/, commit 5509ff0).
// The matrix covers the EU, EFTA and the UK (288 codes); candidate countries are not in it.

export const NUTS2_CODES_2010: { sources: string[]; codes: string[] } = {
  sources: ['JRC NUTS converter matrix n2_cm_v2010_v2013.csv (release 2025.08)'],
  codes: [
    'AT11', 'AT12', 'AT13', 'AT21', 'AT22', 'AT31', 'AT32', 'AT33', 'AT34', 'BE10', 'BE21', 'BE22', 'BE23', 'BE24', 'BE25', 'BE31',
    'BE32', 'BE33', 'BE34', 'BE35', 'BG31', 'BG32', 'BG33', 'BG34', 'BG41', 'BG42', 'CH01', 'CH02', 'CH03', 'CH04', 'CH05', 'CH06',
    'CH07', 'CY00', 'CZ01', 'CZ02', 'CZ03', 'CZ04', 'CZ05', 'CZ06', 'CZ07', 'CZ08', 'DE11', 'DE12', 'DE13', 'DE14', 'DE21', 'DE22',
    'DE23', 'DE24', 'DE25', 'DE26', 'DE27', 'DE30', 'DE40', 'DE50', 'DE60', 'DE71', 'DE72', 'DE73', 'DE80', 'DE91', 'DE92', 'DE93',
    'DE94', 'DEA1', 'DEA2', 'DEA3', 'DEA4', 'DEA5', 'DEB1', 'DEB2', 'DEB3', 'DEC0', 'DED2', 'DED4', 'DED5', 'DEE0', 'DEF0', 'DEG0',
    'DK01', 'DK02', 'DK03', 'DK04', 'DK05', 'EE00', 'EL11', 'EL12', 'EL13', 'EL14', 'EL21', 'EL22', 'EL23', 'EL24', 'EL25', 'EL30',
    'EL41', 'EL42', 'EL43', 'ES11', 'ES12', 'ES13', 'ES21', 'ES22', 'ES23', 'ES24', 'ES30', 'ES41', 'ES42', 'ES43', 'ES51', 'ES52',
    'ES53', 'ES61', 'ES62', 'ES63', 'ES64', 'ES70', 'FI19', 'FI1B', 'FI1C', 'FI1D', 'FI20', 'FR10', 'FR21', 'FR22', 'FR23', 'FR24',
    'FR25', 'FR26', 'FR30', 'FR41', 'FR42', 'FR43', 'FR51', 'FR52', 'FR53', 'FR61', 'FR62', 'FR63', 'FR71', 'FR72', 'FR81', 'FR82',
    'FR83', 'FR91', 'FR92', 'FR93', 'FR94', 'HR03', 'HR04', 'HU10', 'HU21', 'HU22', 'HU23', 'HU31', 'HU32', 'HU33', 'IE01', 'IE02',
    'IS00', 'ITC1', 'ITC2', 'ITC3', 'ITC4', 'ITF1', 'ITF2', 'ITF3', 'ITF4', 'ITF5', 'ITF6', 'ITG1', 'ITG2', 'ITH1', 'ITH2', 'ITH3',
    'ITH4', 'ITH5', 'ITI1', 'ITI2', 'ITI3', 'ITI4', 'LI00', 'LT00', 'LU00', 'LV00', 'MT00', 'NL11', 'NL12', 'NL13', 'NL21', 'NL22',
    'NL23', 'NL31', 'NL32', 'NL33', 'NL34', 'NL41', 'NL42', 'NO01', 'NO02', 'NO03', 'NO04', 'NO05', 'NO06', 'NO07', 'PL11', 'PL12',
    'PL21', 'PL22', 'PL31', 'PL32', 'PL33', 'PL34', 'PL41', 'PL42', 'PL43', 'PL51', 'PL52', 'PL61', 'PL62', 'PL63', 'PT11', 'PT15',
    'PT16', 'PT17', 'PT18', 'PT20', 'PT30', 'RO11', 'RO12', 'RO21', 'RO22', 'RO31', 'RO32', 'RO41', 'RO42', 'SE11', 'SE12', 'SE21',
    'SE22', 'SE23', 'SE31', 'SE32', 'SE33', 'SI01', 'SI02', 'SK01', 'SK02', 'SK03', 'SK04', 'UKC1', 'UKC2', 'UKD1', 'UKD3', 'UKD4',
    'UKD6', 'UKD7', 'UKE1', 'UKE2', 'UKE3', 'UKE4', 'UKF1', 'UKF2', 'UKF3', 'UKG1', 'UKG2', 'UKG3', 'UKH1', 'UKH2', 'UKH3', 'UKI1',
    'UKI2', 'UKJ1', 'UKJ2', 'UKJ3', 'UKJ4', 'UKK1', 'UKK2', 'UKK3', 'UKK4', 'UKL1', 'UKL2', 'UKM2', 'UKM3', 'UKM5', 'UKM6', 'UKN0',
  ],
};
