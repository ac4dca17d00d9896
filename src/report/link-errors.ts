// Linker errors in a build's output that are the tree's: a symbol the tree's code uses and nothing
// defines, or one it defines twice. Read for every build the gate runs: the FreeBSD kernel link
// (LLVM lld, FreeBSD's ld), the Linux kernel link (GNU ld) and the Linux module build (modpost,
// which checks a module's undefined symbols; its `ld -r` link does not). Pure: text in, data out.
//
// The formats, from the linkers' sources:
// - lld (lld/ELF/Relocations.cpp reportUndefinedSymbol; lld/ELF/Symbols.cpp reportDuplicate;
//   lld/ELF/InputSection.cpp getSrcMsg / getObjMsg, lld/ELF/InputFiles.cpp createFileLineMsg;
//   lld/Common/ErrorHandler.cpp reportDiagnostic, logName from argv[0]'s name without .exe):
//     ld: error: undefined symbol: NAME            (or `undefined hidden symbol: NAME`, ...)
//     >>> referenced by FILE:LINE (PATH:LINE)      (`FILE:LINE` when FILE is PATH; the STT_FILE
//     >>>               OBJ:(FUNC)                  name alone without debug info; no source line
//                                                   at all, then `>>> referenced by OBJ:(FUNC)`)
//     >>> referenced N more times                  (after the first 3 references)
//     ld: error: duplicate symbol: NAME
//     >>> defined at FILE:LINE (PATH:LINE)         (each of the two, the second line indented by
//     >>>            OBJ:(SYMBOL)                   12 spaces; `>>> defined in FILE` without sections)
//     ld: error: too many errors emitted, stopping now (use --error-limit=0 to see all errors)
// - GNU ld (binutils ld/ldmain.c undefined_symbol, multiple_definition; ld/ldmisc.c vfinfo %C/%H;
//   2.40 uses %C, newer ones %H, which adds `:(SECTION+0xOFF)` after the line):
//     ld: OBJ: in function `FUNC':
//     FILE:LINE: undefined reference to `NAME'     (FILE:(SECTION+0xOFF) without a line)
//     FILE:LINE: multiple definition of `NAME'; OBJ:FILE:LINE: first defined here
//     ld: OBJ:FILE:(SECTION+0xOFF): undefined ...  (no function known: one line)
// - modpost (scripts/mod/modpost.c check_exports, modpost_log's `ERROR: ` / `WARNING: ` and
//   `modpost: ` prefixes, the same in 6.1 and later):
//     ERROR: modpost: "NAME" [fs/fuse/fuse.ko] undefined!

export interface LinkError {
  kind: 'undefined' | 'duplicate';
  symbol: string;
  /** The source file the linker named with a line (relative to the tree when inside it). */
  file?: string;
  line?: number;
  /** One line saying what the linker said and where, for a summary or an annotation. */
  message: string;
}

// lld: `PROG: error: ` (lld/Common/ErrorHandler.cpp), PROG `ld` for FreeBSD's default ${LD} and
// `ld.lld` for a toolchain that names it so (Makefile.inc1 XLD); the visibility word before `symbol:` is
// internal, hidden or protected (Relocations.cpp reportUndefinedSymbol's visibility()).
const LLD_UNDEFINED = /^\S+: error: undefined (?:(?:internal|hidden|protected) )?symbol: (.+)$/;
const LLD_DUPLICATE = /^\S+: error: duplicate symbol: (.+)$/;
const LLD_REFERENCED = /^>>> referenced by (.+)$/;
const LLD_DEFINED = /^>>> defined (?:at|in) (.+)$/;
/** The second line of a reference or definition: `>>>` and spaces, then the object's place. */
const LLD_CONTINUED = /^>>> {2,}(\S.*)$/;
const GNU_IN_FUNCTION = /^\S+: (.+): in function `(.+)':$/;
const GNU_UNDEFINED = /^(.*?): undefined reference to `(.+)'$/;
const GNU_MULTIPLE = /^(.*?): multiple definition of `(.+?)'(?:; (.+): first defined here)?$/;
const MODPOST_UNDEFINED = /^ERROR: modpost: "(.+)" \[(.+)\] undefined!$/;

interface Place {
  /** The source file (relative to the tree when inside it) and line, when the linker named both. */
  at?: { file: string; line: number };
  /** What the linker said of the place, as printed. */
  text: string;
  /** lld's second line: the object and the function (or symbol) there. */
  object?: string;
}

/**
 * The tree's link errors in `output`, each once, in order; `relative` maps a source file as printed
 * to the tree-relative name reported (as for compiler errors). Warnings are not errors and are left
 * out; so is lld's "too many errors emitted", which names no symbol.
 */
export function parseLinkErrors(output: string, relative: (file: string) => string): LinkError[] {
  const lines = output.split('\n').map((line) => line.replace(/\r$/, ''));
  const errors: LinkError[] = [];
  const seen = new Set<string>();
  const add = (error: LinkError) => {
    const key = `${error.kind}\0${error.symbol}\0${error.file ?? ''}\0${error.line ?? ''}\0${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    errors.push(error);
  };
  const located = (place: Place) => place.at ?? {};
  let inFunction: { object: string; func: string } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const undefinedSymbol = LLD_UNDEFINED.exec(line);
    const duplicate = undefinedSymbol ? null : LLD_DUPLICATE.exec(line);
    if (undefinedSymbol || duplicate) {
      // The `>>>` lines that follow belong to this error.
      const places: Place[] = [];
      while (i + 1 < lines.length && lines[i + 1]!.startsWith('>>> ')) {
        const next = lines[++i]!;
        const start = (undefinedSymbol ? LLD_REFERENCED : LLD_DEFINED).exec(next);
        const continued = LLD_CONTINUED.exec(next);
        if (start) places.push(lldPlace(start[1]!, relative));
        else if (continued && places.length) places.at(-1)!.object = continued[1]!;
      }
      const symbol = (undefinedSymbol ?? duplicate)![1]!;
      if (undefinedSymbol) {
        if (!places.length) add({ kind: 'undefined', symbol, message: `undefined symbol ${symbol}` });
        for (const place of places)
          add({
            kind: 'undefined',
            symbol,
            ...located(place),
            message: `undefined symbol ${symbol}, referenced by ${place.object ?? place.text}`,
          });
      } else {
        const message = `duplicate symbol ${symbol}, defined in ${places.map((p) => p.object ?? p.text).join(' and in ')}`;
        const withLine = places.filter((p) => p.at !== undefined);
        if (!withLine.length) add({ kind: 'duplicate', symbol, message });
        for (const place of withLine) add({ kind: 'duplicate', symbol, ...located(place), message });
      }
      continue;
    }
    const fn = GNU_IN_FUNCTION.exec(line);
    if (fn) {
      inFunction = { object: fn[1]!, func: fn[2]! };
      continue;
    }
    const reference = GNU_UNDEFINED.exec(line);
    const multiple = reference ? null : GNU_MULTIPLE.exec(line);
    if (reference || multiple) {
      const place = gnuPlace((reference ?? multiple)![1]!, relative);
      const symbol = (reference ?? multiple)![2]!;
      const where = inFunction ? `${inFunction.func} (${inFunction.object})` : place.text;
      // A warning is not an error: ld/ldmain.c prints `%P: %C: warning: undefined reference ...`
      // (%H for newer ones), so the place before the reference ends in `: warning`.
      if (!/: warning$/.test((reference ?? multiple)![1]!))
        add(
          reference
            ? {
                kind: 'undefined',
                symbol,
                ...located(place),
                message: `undefined reference to ${symbol} in ${where}`,
              }
            : {
                kind: 'duplicate',
                symbol,
                ...located(place),
                message: `multiple definition of ${symbol} in ${where}${multiple![3] ? `, first defined at ${multiple![3]}` : ''}`,
              },
        );
      inFunction = undefined;
      continue;
    }
    const modpost = MODPOST_UNDEFINED.exec(line);
    if (modpost)
      add({
        kind: 'undefined',
        symbol: modpost[1]!,
        message: `undefined symbol ${modpost[1]} in ${relative(modpost[2]!)} (modpost: no kernel or module exports it)`,
      });
    inFunction = undefined;
  }
  return errors;
}

/**
 * lld's getSrcMsg: `FILE:LINE (PATH:LINE)`, `PATH:LINE`, or the object's source name alone; or,
 * without source information, getObjMsg's `OBJ:(FUNC)` directly after `referenced by`.
 */
function lldPlace(text: string, relative: (file: string) => string): Place {
  const full = /^\S+:\d+ \((.+):(\d+)\)$/.exec(text) ?? /^([^\s:()]+):(\d+)$/.exec(text);
  if (full) return { at: { file: relative(full[1]!), line: Number(full[2]) }, text };
  return { text };
}

/**
 * GNU ld's %C/%H place before `: undefined reference`: `[PROG: ][OBJ:]FILE:LINE[:(SEC+0xOFF)]`, or
 * `[PROG: ]OBJ[:FILE]:(SEC+0xOFF)` without a line. Only FILE:LINE is a source place.
 */
function gnuPlace(text: string, relative: (file: string) => string): Place {
  const place = text.replace(/^\S+: (?=\S)/, '');
  const bare = place.replace(/:?\([^()]*\)$/, '');
  const withLine = /^(?:.*?\.o:)?(.+?):(\d+)$/.exec(bare);
  if (withLine) return { at: { file: relative(withLine[1]!), line: Number(withLine[2]) }, text: place };
  return { text: place };
}
