import { runCli } from './run-cli.ts';

// The one place Planet exits: every other module returns or throws.
const code = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exit(code);
