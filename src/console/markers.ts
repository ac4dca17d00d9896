// The nonce-framed markers of the guest protocol (docs/guest-protocol.md).
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  // 12 lowercase hex characters: within the protocol's [a-z0-9]{8,16}.
  return randomBytes(6).toString('hex');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a whole marker line `@@fg:<nonce>:<fields>@@`; `fieldsPattern` is a regexp source. */
export function markerPattern(nonce: string, fieldsPattern: string): RegExp {
  return new RegExp(`@@fg:${escapeRegExp(nonce)}:${fieldsPattern}@@`);
}

/**
 * One line of shell that frames `command` between a begin and an end marker carrying its exit status.
 * The markers are printed through printf formats, so an echo of this line never contains them,
 * and stdin is /dev/null so a command cannot swallow the next one. Each marker is printed twice,
 * on two lines: a kernel or syslog line that lands inside one copy (the kernel console and the
 * shell share the serial port, and a kernel printf can interleave with a tty write at any byte)
 * leaves the other whole, so the host still sees where the command began and how it ended. Marker
 * lines, whole or broken, are dropped from the output (stripMarkerLines); the spare end copy is
 * consumed by the next wait. The command runs in a subshell: an `exit N` in it (or a failing
 * `set -e` step) ends the command with status N, not the login shell the gate types into, and a
 * `cd` or variable it sets does not leak into the next command.
 */
export function framedCommand(nonce: string, id: string, command: string): string {
  return (
    `printf '@@fg:%s:begin:%s@@\\n@@fg:%s:begin:%s@@\\n' ${nonce} ${id} ${nonce} ${id}; ` +
    `( ${command} ) </dev/null 2>&1; ` +
    `printf '@@fg:%s:end:%s:%d@@\\n@@fg:%s:end:%s:%d@@\\n' ${nonce} ${id} $? ${nonce} ${id} $?`
  );
}
