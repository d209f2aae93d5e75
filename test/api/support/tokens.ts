import { SignJWT } from 'jose';
import { TEST_SECRET } from '../../support/test-app.js';

export interface Claims {
  sub?: string;
  name?: string;
  country?: unknown;
  roles?: unknown;
}

/**
 * A token with exactly these claims, for the cases the ordinary signer never
 * makes: expired, claims that name no participant, another key.
 */
export async function tokenWith(
  claims: Claims,
  options: { expiresAt?: number; secret?: string } = {},
): Promise<string> {
  const { sub, ...rest } = claims;
  let jwt = new SignJWT({ ...rest }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt();
  if (sub !== undefined) jwt = jwt.setSubject(sub);
  jwt = jwt.setExpirationTime(options.expiresAt ?? Math.floor(Date.now() / 1000) + 3600);
  return jwt.sign(new TextEncoder().encode(options.secret ?? TEST_SECRET));
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
