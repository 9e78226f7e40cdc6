import { describe, expect, it } from 'vitest';
import { guessTableChoice } from '../../../../src/engine/import/importChoices';
import { defaultChoices, mergeRoles } from '../../../../src/ui/dataImport/importSetup';
import { packChoices } from '../../../../src/pack/importChoices';
import { readInputs } from '../../../../src/pack/inputs';
import { inspectAll } from './helpers';

const square = (x: number) => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });
const boundaries = JSON.stringify({
  type: 'FeatureCollection',
  features: ['A1', 'A2'].map((id, i) => ({ type: 'Feature', properties: { code: id }, geometry: square(i) })),
});
// A name column (text), two categories, and one category not reported in the first rows.
const wide = 'region,label,agri,tech,later\nA1,Alpha,10,5,:\nA2,Beta,3,,:\n';

describe('one guess of the import choices', () => {
  it('takes the same wide columns in the dialog and in the packer: text columns out, empty ones kept', async () => {
    const files = [new File([boundaries], 'r.geojson'), new File([wide], 'wide.csv')];
    const { summaries, byName } = await inspectAll(files);
    const table = byName('wide.csv').table!;
    expect(table.textColumns).toEqual(['region', 'label']);
    expect(guessTableChoice(table)).toEqual({ layout: 'wide', region: 'region', year: undefined, columns: ['agri', 'tech', 'later'] });
    const dialog = defaultChoices(summaries, mergeRoles(summaries, {}), undefined, [])!;
    const inputs = await readInputs(await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))), 'test');
    const packer = packChoices(inputs, {}, undefined);
    expect(packer.choices.employment.table).toEqual(dialog.employment.table);
    expect(guessTableChoice(table, { exclude: ['later'] }).columns).toEqual(['agri', 'tech']);
    expect(guessTableChoice(table, { measure: 'agri' })).toMatchObject({ layout: 'long', employment: 'agri' });
  });
});
