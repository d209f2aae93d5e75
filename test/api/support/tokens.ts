import { SignJWT } from 'jose';
import { TEST_SECRET } from '../../support/test-app.js';

export interface Claims {
  sub?: string;
  name?: unknown;
  country?: unknown;
  roles?: unknown;
}

const nowInSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A token with exactly these claims, for the cases the ordinary signer never
 * makes: expired, without `exp` (`expiresAt: null`), claims that name no
 * participant, another key.
 */
export async function tokenWith(
  claims: Claims,
  options: { expiresAt?: number | null; issuedAt?: number; secret?: string } = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  let jwt = new SignJWT({ ...rest }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(options.issuedAt);
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  if (options.expiresAt !== null) jwt = jwt.setExpirationTime(options.expiresAt ?? nowInSeconds() + 3600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

const participant = { sub: 'x', name: 'X', country: 'KZ', roles: ['PARTICIPANT'] };
const unsigned = (claims: object) =>
  [{ alg: 'none', typ: 'JWT' }, claims]
    .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
    .join('.') + '.';

/**
 * Authorization values the service refuses, whichever the transport
 * (UNAUTHENTICATED over HTTP, close 4403 over graphql-ws), by what is wrong with them.
 */
export const REFUSED_AUTHORIZATIONS: [string, () => Promise<string>][] = [
  ['a token that is not a JWT', async () => 'Bearer not-a-token'],
  ['an unsigned token (alg none)', async () => `Bearer ${unsigned({ ...participant, exp: nowInSeconds() + 60 })}`],
  [
    'a token signed with another secret',
    async () => `Bearer ${await tokenWith(participant, { secret: 'another-secret-another-secret-another' })}`,
  ],
  ['an expired token', async () => `Bearer ${await tokenWith(participant, { expiresAt: nowInSeconds() - 60 })}`],
  ['a token without exp', async () => `Bearer ${await tokenWith(participant, { expiresAt: null })}`],
  [
    'a token valid for 100 years',
    async () => `Bearer ${await tokenWith(participant, { expiresAt: nowInSeconds() + 100 * 365 * 24 * 3600 })}`,
  ],
  [
    'a token valid for 25 hours, one more than the maximum',
    async () => `Bearer ${await tokenWith(participant, { expiresAt: nowInSeconds() + 25 * 3600 })}`,
  ],
  [
    'a token naming a country outside the Programme',
    async () => `Bearer ${await tokenWith({ ...participant, country: 'FR' })}`,
  ],
  ['a token with an unknown role', async () => `Bearer ${await tokenWith({ ...participant, roles: ['ADMIN'] })}`],
  ['a token with no role', async () => `Bearer ${await tokenWith({ ...participant, roles: [] })}`],
  [
    'a participant’s token without a country',
    async () => `Bearer ${await tokenWith({ sub: 'x', name: 'X', roles: ['PARTICIPANT'] })}`,
  ],
  [
    'a secretariat token naming a country',
    async () => `Bearer ${await tokenWith({ ...participant, roles: ['SECRETARIAT'] })}`,
  ],
  [
    'a token without a subject',
    async () => `Bearer ${await tokenWith({ name: 'X', country: 'KZ', roles: ['PARTICIPANT'] })}`,
  ],
  [
    'a token whose name holds control characters',
    async () => `Bearer ${await tokenWith({ ...participant, name: 'Eve\u001b[2J\u0007' })}`,
  ],
  ['an Authorization header that is not Bearer', async () => 'Basic a3o6c2VjcmV0'],
];
