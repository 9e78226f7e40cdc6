/**
 * `npm run dataset -- <input folder or files…> --out public/geo/<name>`: the alias of `atlas pack`
 * (`npm run dataset -- --help` for the options). It runs the same command, with messages
 * starting "dataset:" as they always have.
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
