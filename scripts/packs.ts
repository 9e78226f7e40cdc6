/**
 * `npm run packs`: rebuilds the shipped datasets in public/geo/ from the published files in
 * ../shared/data (the list and arguments are in packList.ts), each through the packer, and the
 * table of NUTS-2 codes per version (nutsCodes.ts) from the same boundary files.
 *
 *   npm run packs                        # ../shared/data → public/geo
 *   npm run packs -- <data folder> <out folder>
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPack } from '../src/pack/run';
import { packArgv, SHIPPED_PACKS } from './packList';
import { nutsCodesModule } from './nutsCodes';
import { writeFileSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dataRoot = resolve(root, '../shared/data'), outRoot = resolve(root, 'public/geo')] = process.argv.slice(2);

// The NUTS code lists the joins compare codes with come from the same published files.
writeFileSync(resolve(root, 'src/io/nutsCodes.ts'), nutsCodesModule(dataRoot));
process.stdout.write('— NUTS-2 codes per version: src/io/nutsCodes.ts\n');

for (const pack of SHIPPED_PACKS) {
  process.stdout.write(`— ${pack.id}\n`);
  const code = await runPack(packArgv(pack, dataRoot, outRoot));
  if (code !== 0) {
    process.exitCode = code;
    break;
  }
}
