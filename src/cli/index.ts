export { runCli } from './run-cli.ts';
export { commands, exitCodes } from './commands.ts';
export type { CommandSpec, OptionSpec } from './commands.ts';
export type { Io } from './output.ts';
