/**
 * `npm run -s atlas -- <command> [options]`: the Node CLI on the same engine as the app.
 *
 * Each command is a module exporting a `Command`: `(argv) => Promise<number>` (the exit code).
 * Adding one is one line in COMMANDS. Input errors surface as one line naming file, line and problem, and
 * a non-zero exit; anything else is a bug and keeps its stack.
 */
import { INDICATORS_USAGE, runIndicators } from './indicatorsCommand';
import { SPATIAL_USAGE, runSpatial } from './spatialCommand';
import { PACK_USAGE } from '../pack/args';
import { runPack } from '../pack/run';
import { reportFailure, type Command } from './command';

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  indicators: { run: runIndicators, usage: INDICATORS_USAGE },
  spatial: { run: runSpatial, usage: SPATIAL_USAGE },
  // The packer reports its own failures (the same exit codes), prefixed with the command's name.
  pack: { run: (argv) => runPack(argv, undefined, 'atlas pack'), usage: PACK_USAGE },
};

function usage(): string {
  return `usage: npm run -s atlas -- <command> [options]\ncommands: ${Object.keys(COMMANDS).join(', ')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`atlas: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return reportFailure(name, error);
  }
}

// Output piped into `head` and the like: a closed pipe means the reader has what it wanted.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
