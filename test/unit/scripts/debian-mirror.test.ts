// scripts/lib/private-apt.sh: the Debian mirror comes from the machine's own apt sources (one-line
// and deb822 formats, commented lines skipped), FUSEFS_GATE_DEBIAN_MIRROR overrides it. Run with
// bash against apt folders written here (.example hosts: RFC 2606 names, no real mirror).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const lib = path.resolve(import.meta.dirname, '../../../scripts/lib/private-apt.sh');

function aptEtc(files: Record<string, string>): string {
  const etc = mkdtempSync(path.join(os.tmpdir(), 'fg-apt-etc-'));
  mkdirSync(path.join(etc, 'sources.list.d'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(etc, name), text);
  return etc;
}

function mirror(etc: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync(
    'bash',
    ['-c', `set -euo pipefail; . "$1"; resolve_debian_mirror; printf '%s' "$MIRROR"`, 'bash', lib],
    {
      env: { PATH: process.env.PATH, FUSEFS_GATE_APT_ETC: etc, ...env },
      encoding: 'utf8',
    },
  );
}

describe('the Debian mirror from the apt sources', () => {
  it('deb822: the URIs of the first deb stanza with a Debian suite; comments and security stanzas skipped', () => {
    const etc = aptEtc({
      'sources.list.d/debian.sources': [
        'Types: deb',
        '# http://snapshot.example/archive/debian/20250520T000000Z',
        'URIs: http://mirror-a.example/debian/',
        'Suites: bookworm bookworm-updates',
        'Components: main',
        '',
        'Types: deb',
        'URIs: http://mirror-a.example/debian-security',
        'Suites: bookworm-security',
      ].join('\n'),
    });
    expect(mirror(etc)).toBe('http://mirror-a.example/debian');
  });

  it('deb822: a disabled stanza, a deb-src one, and a folded URIs field', () => {
    const etc = aptEtc({
      'sources.list.d/a.sources':
        'Types: deb\nURIs: http://off.example/debian\nSuites: trixie\nEnabled: no\n\nTypes: deb-src\nURIs: http://src.example/debian\nSuites: trixie\n',
      'sources.list.d/b.sources':
        'Types: deb\nURIs:\n http://folded.example/debian\n http://second.example/debian\nSuites: trixie\n',
    });
    expect(mirror(etc)).toBe('http://folded.example/debian');
  });

  it('one-line sources.list: options in brackets, commented lines and Ubuntu suites skipped', () => {
    const etc = aptEtc({
      'sources.list': [
        '# deb http://commented.example/debian bookworm main',
        'deb http://ubuntu.example/ubuntu noble main',
        'deb [ arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg ] http://mirror-b.example/debian bookworm main',
      ].join('\n'),
    });
    expect(mirror(etc)).toBe('http://mirror-b.example/debian');
  });

  it('nothing Debian (an Ubuntu machine): empty, with a message naming the variable; the variable overrides', () => {
    const etc = aptEtc({
      'sources.list.d/ubuntu.sources':
        'Types: deb\nURIs: http://ubuntu.example/ubuntu\nSuites: noble noble-updates\n',
    });
    expect(mirror(etc)).toBe('');
    expect(mirror(etc, { FUSEFS_GATE_DEBIAN_MIRROR: 'http://override.example/debian/' })).toBe(
      'http://override.example/debian',
    );
    const message = execFileSync('bash', ['-c', '. "$1"; no_mirror_message', 'bash', lib], {
      encoding: 'utf8',
    });
    expect(message).toMatch(/no Debian mirror: .*set FUSEFS_GATE_DEBIAN_MIRROR/);
  });
});
