/**
 * Entry point of `npm run sim`: hands the arguments to `runCli` and turns its result into
 * output and an exit code. Everything worth testing lives in cli.ts.
 */
import { runCli } from './cli';
import { colorEnabled } from './style';

// `head` closing the pipe early is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const result = runCli(process.argv.slice(2), {
  color: colorEnabled(process.stdout.isTTY, process.env),
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
// exitCode rather than exit(): let piped output flush before the process ends.
process.exitCode = result.code;
