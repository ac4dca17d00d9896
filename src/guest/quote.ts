// POSIX shell quoting for command strings sent to a guest shell: every argument the gate did not
// write itself goes through here, so a path with spaces or `$(...)` is data, never code.

export function shQuote(argument: string): string {
  if (/^[\w@%+=:,./-]+$/.test(argument)) return argument;
  return `'${argument.replace(/'/g, `'\\''`)}'`;
}

export function shJoin(argv: readonly string[]): string {
  return argv.map(shQuote).join(' ');
}
