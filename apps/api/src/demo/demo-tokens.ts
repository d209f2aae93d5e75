import { resolve } from 'node:path';
import type { Participant } from '@coop/domain';
import { demoParticipant } from './demo-participants.js';

/** Whom the start-up log offers a token for: a KZ focal point, a KG participant, the secretariat. */
const OFFERED = ['kz-focal-point', 'kg-participant', 'secretariat'];

/** A word as the shell reads it back unchanged. */
const shellWord = (word: string): string => (/^[\w./:=@-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);

/**
 * `npm run token` lines, ready to copy, for three demo participants: the
 * token names them exactly as the demo recorded them. `DATA_DIR` is spelled
 * out when it is not the default, since the token is signed with the secret kept there.
 */
export function demoTokenCommands(dataDir: string): string[] {
  const prefix = dataDir === resolve('data') ? '' : `DATA_DIR=${shellWord(dataDir)} `;
  return OFFERED.map(demoParticipant).map((participant: Participant) => {
    const words = ['--sub', participant.id, '--name', participant.name];
    if (participant.country !== null) words.push('--country', participant.country);
    words.push('--roles', participant.roles.join(','));
    return `${prefix}npm run token -- ${words.map(shellWord).join(' ')}`;
  });
}
