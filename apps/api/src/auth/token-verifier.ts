import { type Participant, isCountryCode, isRole } from '@coop/domain';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/app-config.js';

/** The token is missing, malformed, expired, wrongly signed, or its claims are not a participant. */
export class AuthenticationFailed extends Error {
  readonly code = 'UNAUTHENTICATED';

  constructor(reason: string) {
    super(reason);
    this.name = 'AuthenticationFailed';
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

/** `Authorization` header value (or graphql-ws `connectionParams.authorization`) to its token. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  return BEARER.exec(header.trim())?.[1] ?? null;
}

/** What a token may name someone by: no control character (it is shown to others and written in the log), not a page of text. */
const MAX_NAME_LENGTH = 200;
const CONTROL_CHARACTER = /\p{Cc}/u;

function isPlainName(value: string): boolean {
  return value.length <= MAX_NAME_LENGTH && !CONTROL_CHARACTER.test(value);
}

function participantFromClaims(claims: JWTPayload): Participant {
  const { sub, name, country, roles } = claims as JWTPayload & Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0) throw new AuthenticationFailed('token has no subject');
  if (!isPlainName(sub)) throw new AuthenticationFailed('token subject holds control characters or is too long');
  if (name !== undefined && (typeof name !== 'string' || !isPlainName(name))) {
    throw new AuthenticationFailed(
      `token name must be text of at most ${MAX_NAME_LENGTH} characters, without control characters`,
    );
  }
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw new AuthenticationFailed('token roles must be a non-empty list of PARTICIPANT, FOCAL_POINT, SECRETARIAT');
  }
  if (country !== undefined && country !== null && !isCountryCode(country)) {
    throw new AuthenticationFailed('token country is not a beneficiary country');
  }
  const secretariat = roles.includes('SECRETARIAT');
  // The secretariat belongs to no country: a token claiming both is a mistake of its issuer, not a guess to make here.
  if (secretariat && isCountryCode(country)) {
    throw new AuthenticationFailed('token of the secretariat names a country: the secretariat has none');
  }
  if (!secretariat && !isCountryCode(country)) {
    throw new AuthenticationFailed('token country is required for participants and focal points');
  }
  return {
    id: sub,
    name: typeof name === 'string' && name.trim().length > 0 ? name.trim() : sub,
    country: isCountryCode(country) ? country : null,
    roles: [...new Set(roles)],
  };
}

/** Who a valid token names, and until when it is valid. */
export interface Session {
  readonly viewer: Participant;
  /** The token's `exp`, in milliseconds since the epoch. */
  readonly expiresAt: number;
}

/** Verifies bearer tokens (HS256 with a shared secret, or RS256/ES256 against an identity provider's JWKS). */
export class TokenVerifier {
  private readonly verifyToken: (token: string) => Promise<JWTPayload>;

  constructor(auth: AuthConfig) {
    // Every token expires: one without `exp` would be valid for ever.
    const required = { requiredClaims: ['exp'] };
    if (auth.kind === 'secret') {
      // Imported once: given the raw bytes, jose imports the key again on every verification (about half its cost).
      const key = crypto.subtle.importKey('raw', auth.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
      const { maxTokenLifetimeSeconds } = auth;
      this.verifyToken = async (token) => {
        const { payload } = await jwtVerify(token, await key, { algorithms: ['HS256'], ...required });
        // Development tokens are minted by hand: a long-lived one is refused rather than trusted for years.
        const issuedAt = Math.min(payload.iat ?? Infinity, Date.now() / 1000);
        if ((payload.exp as number) - issuedAt > maxTokenLifetimeSeconds) {
          throw new AuthenticationFailed(`token is valid for longer than ${maxTokenLifetimeSeconds / 3600} hours`);
        }
        return payload;
      };
    } else {
      const keys: JWTVerifyGetKey = createRemoteJWKSet(auth.jwksUrl);
      const { issuer, audience } = auth;
      this.verifyToken = async (token) =>
        (await jwtVerify(token, keys, { algorithms: ['RS256', 'ES256'], issuer, audience, ...required })).payload;
    }
  }

  async verify(token: string): Promise<Session> {
    let claims: JWTPayload;
    try {
      claims = await this.verifyToken(token);
    } catch (error) {
      if (error instanceof joseErrors.JOSEError) throw new AuthenticationFailed(`invalid token (${error.code})`);
      throw error;
    }
    // jose has checked that `exp` is there and a number.
    return { viewer: participantFromClaims(claims), expiresAt: (claims.exp as number) * 1000 };
  }

  /** The session a request's authorization opens: null without a token, `AuthenticationFailed` for a bad one. */
  async sessionFrom(authorization: unknown): Promise<Session | null> {
    if (authorization === undefined || authorization === null || authorization === '') return null;
    const token = bearerToken(authorization);
    if (token === null) throw new AuthenticationFailed('authorization must be "Bearer <token>"');
    return this.verify(token);
  }
}
