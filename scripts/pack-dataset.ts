/**
 * Packs a dataset folder for hosting: `npm run dataset -- <input folder or files…> --out public/geo/<name>`
 * (`npm run dataset -- --help` for the options). The work is in src/pack; this only runs it.
 */
import { PACK_USAGE } from '../src/pack/args';
import { runPack } from '../src/pack/run';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(PACK_USAGE);
} else {
  runPack(argv).then((code) => {
    process.exitCode = code;
  });
}
