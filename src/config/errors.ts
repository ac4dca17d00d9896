// Bad input found before any work starts: one message naming the input, exit 64 (EX_USAGE).

export class BadInputError extends Error {
  constructor(
    /** The input's name as the user wrote it: `timeout`, `freebsd-version`, `--out`. */
    readonly input: string,
    readonly problem: string,
  ) {
    super(`invalid input '${input}': ${problem}`);
    this.name = 'BadInputError';
  }
}
