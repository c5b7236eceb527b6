import path from 'node:path'

/**
 * The project a command line names: its last argument ending in .factspan that is not an option, resolved against
 * the folder it was run in. `factspan-app reports.factspan`, or a file opened from the file manager, give one;
 * Electron's own arguments (its binary, the app folder, --switches) never do.
 */
export function projectArgument(argv: readonly string[], cwd: string): string | null {
  const named = argv.filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.factspan')).pop()
  return named === undefined ? null : path.resolve(cwd, named)
}
