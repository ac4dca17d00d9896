// Compiler diagnostics in a build's output, for every build the gate runs: FreeBSD module and kernel
// builds in the guest (clang), the Linux tree's fs/fuse and kernel builds on the host (gcc). Both
// compilers print `FILE:LINE[:COL]: [fatal ]error: MESSAGE`; bsd.kmod.mk builds with -Werror, so
// warnings promoted to errors end the same way. gcc hands assembly (the tree's .S files, its inline
// asm) to GNU as, whose errors read `FILE:LINE: Error: MESSAGE` (binutils gas/messages.c
// as_bad_internal); clang assembles itself and reports in its own form. Pure: text in, data out.

export interface CompilerError {
  /** Relative to the tree under test when the build named it inside the tree. */
  file: string;
  line: number;
  column?: number;
  message: string;
  severity: 'error' | 'fatal error';
}

// The message may be empty: clang's `#error` with no text prints `FILE:LINE:COL: error: `. GNU as's
// `Fatal error:` is left out: as_fatal() reports the assembler's own run (an input it cannot open,
// an output it cannot write, a bad option), not what the tree's source says.
const DIAGNOSTIC = /^(\S[^:]*?):(\d+):(?:(\d+):)?\s+(fatal error|error|Error):(?:\s+(.*))?$/;

/**
 * The errors in `output`, each once (parallel make jobs print a header's error once per file that
 * includes it), in order; `relative` maps a file as printed to the tree-relative name reported.
 */
export function parseCompilerErrors(output: string, relative: (file: string) => string): CompilerError[] {
  const errors: CompilerError[] = [];
  const seen = new Set<string>();
  for (const line of output.split('\n')) {
    // Trimmed: gcc ends a bare `#error` with the blank after the directive (`error: #error `).
    const match = DIAGNOSTIC.exec(line.trim());
    if (!match) continue;
    const error: CompilerError = {
      file: relative(match[1]!),
      line: Number(match[2]),
      ...(match[3] !== undefined ? { column: Number(match[3]) } : {}),
      message: match[5] ?? '',
      severity: match[4] === 'fatal error' ? 'fatal error' : 'error',
    };
    const key = `${error.file}:${error.line}:${error.column ?? ''}:${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

/** A file under `folder` named as `replacement` + the rest of its path; other files as printed. */
export function relativeTo(folder: string, replacement = ''): (file: string) => string {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return (file) => (file.startsWith(prefix) ? replacement + file.slice(prefix.length) : file);
}
