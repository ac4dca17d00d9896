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
 * and stdin is /dev/null so a command cannot swallow the next one.
 */
export function framedCommand(nonce: string, id: string, command: string): string {
  return (
    `printf '@@fg:%s:begin:%s@@\\n' ${nonce} ${id}; ` +
    `{ ${command} ; } </dev/null 2>&1; ` +
    `printf '@@fg:%s:end:%s:%d@@\\n' ${nonce} ${id} $?`
  );
}
