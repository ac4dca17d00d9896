import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  configMismatches,
  kernelCompilerErrors,
  kernelConfigFragment,
  linuxBanner,
  utsVersionOf,
} from '../../../src/linux-tree/kernel-build.js';

describe('the gate config fragment and the .config kconfig writes', () => {
  it('every line of guest/linux-kernel.config is a comment or an option the check reads', () => {
    const lines = readFileSync(kernelConfigFragment(), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const options = lines.filter((line) => /^(CONFIG_\w+=\S+|# CONFIG_\w+ is not set)$/.test(line));
    expect(options.length).toBeGreaterThan(30);
    // Anything else must be a plain comment (not a mistyped option the check would skip).
    for (const line of lines.filter((l) => !options.includes(l))) expect(line).toMatch(/^# (?!CONFIG_)/);
    expect(options).toContain('CONFIG_FUSE_FS=y');
    expect(options).toContain('# CONFIG_MODULES is not set');
  });

  it('names each option that did not come out as asked, with what kconfig gave instead', () => {
    const fragment = [
      '# comment',
      'CONFIG_FUSE_FS=y',
      'CONFIG_NR_CPUS=4',
      'CONFIG_UNWINDER_ORC=y',
      '# CONFIG_MODULES is not set',
      '# CONFIG_SWAP is not set',
    ].join('\n');
    // kconfig's own format (scripts/kconfig/confdata.c): `CONFIG_X=v`, `# CONFIG_X is not set`.
    const dotConfig = [
      '#',
      '# Automatically generated file; DO NOT EDIT.',
      '#',
      'CONFIG_NR_CPUS=8',
      '# CONFIG_FUSE_FS is not set',
      'CONFIG_MODULES=y',
      '# CONFIG_SWAP is not set',
    ].join('\n');
    expect(configMismatches(fragment, dotConfig)).toEqual([
      'CONFIG_FUSE_FS=y (got not set)',
      'CONFIG_NR_CPUS=4 (got CONFIG_NR_CPUS=8)',
      'CONFIG_UNWINDER_ORC=y (got not set)',
      'CONFIG_MODULES is not set (got CONFIG_MODULES=y)',
    ]);
    expect(configMismatches(fragment, 'CONFIG_FUSE_FS=y\nCONFIG_NR_CPUS=4\nCONFIG_UNWINDER_ORC=y\n')).toEqual(
      [],
    );
  });
});

describe('what the build says', () => {
  it('reads the final linux_banner: not the printf format beside it, nor the weak one with a temporary UTS_VERSION', () => {
    // What strings(1) shows in a 6.1 vmlinux built here: init/version.o's weak copy (temporary
    // UTS_VERSION "# SMP "), linux_proc_banner's format, and version-timestamp.o's real banner.
    const compiler = '(gcc (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40)';
    const rodata = Buffer.concat([
      Buffer.from(`\0Linux version 6.1.176 (fusefs-gate@host) ${compiler} # SMP \n\0`, 'latin1'),
      Buffer.from(`\0%s version %s (fusefs-gate@host) ${compiler} %s\n\0`, 'latin1'),
      Buffer.from(
        `\0Linux version 6.1.176 (fusefs-gate@host) ${compiler} #2 SMP Wed Dec  2 02:38:41 UTC 2026\n\0`,
        'latin1',
      ),
    ]);
    const header = '#define UTS_VERSION "#2 SMP Wed Dec  2 02:38:41 UTC 2026"\n';
    expect(utsVersionOf(header)).toBe('#2 SMP Wed Dec  2 02:38:41 UTC 2026');
    expect(linuxBanner(rodata, utsVersionOf(header))).toBe(
      `Linux version 6.1.176 (fusefs-gate@host) ${compiler} #2 SMP Wed Dec  2 02:38:41 UTC 2026`,
    );
    // A header of another build than this vmlinux's names no banner.
    expect(linuxBanner(rodata, '#3 SMP Wed Dec  2 03:00:00 UTC 2026')).toBeUndefined();
    expect(linuxBanner(Buffer.from('no banner here\0', 'latin1'))).toBeUndefined();
  });

  it('gives compiler errors relative to the tree (kbuild names out-of-tree sources by absolute path)', () => {
    const output = [
      '  CC      fs/fuse/file.o',
      "/src/linux/fs/fuse/file.c:1612:2: error: 'foo' undeclared (first use in this function)",
      'In file included from /src/linux/fs/fuse/dev.c:9:',
      '/src/linux/fs/fuse/fuse_i.h:20:10: fatal error: nope.h: No such file or directory',
      'make[4]: *** [/src/linux/scripts/Makefile.build:250: fs/fuse/file.o] Error 1',
    ].join('\n');
    expect(kernelCompilerErrors(output, '/src/linux')).toEqual([
      {
        file: 'fs/fuse/file.c',
        line: 1612,
        column: 2,
        message: "'foo' undeclared (first use in this function)",
        severity: 'error',
      },
      {
        file: 'fs/fuse/fuse_i.h',
        line: 20,
        column: 10,
        message: 'nope.h: No such file or directory',
        severity: 'fatal error',
      },
    ]);
  });
});
