import { Command, CommanderError } from 'commander';
import { PlanetError } from '../model/index.ts';
import type { CommandSpec } from './commands.ts';
import { commands, exitCodes } from './commands.ts';
import type { Io } from './output.ts';

const version = '0.1.0';

function register(program: Command, spec: CommandSpec, io: Io, setCode: (code: number) => void): void {
  const command = program.command(spec.name + (spec.args ? ` ${spec.args}` : '')).description(spec.summary);
  for (const option of spec.options) command.option(option.flags, option.description, option.default);
  command.action(async (...received: unknown[]) => {
    // commander passes the positional arguments, then the options object, then the command.
    const positional = received.slice(0, -2).filter((a): a is string => typeof a === 'string');
    const options = received.at(-2) as Record<string, unknown>;
    setCode(await spec.run(options, positional, io));
  });
}

/** Runs the CLI on `argv` (without node and script) and returns the exit code; never exits itself. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let code: number = exitCodes.ok;
  const program = new Command('planet')
    .description('Planet: a feed aggregator that publishes one river of news as a static site')
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  for (const spec of commands) register(program, spec, io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      const helpShown = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return helpShown ? exitCodes.ok : exitCodes.usage;
    }
    if (error instanceof PlanetError) {
      io.err(error.message);
      return error.code === 'usage' ? exitCodes.usage : exitCodes.error;
    }
    io.err(`planet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return exitCodes.internal;
  }
}
