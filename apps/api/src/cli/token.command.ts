import { parseArgs } from 'node:util';
import { ROLES, isCountryCode, isRole, type Participant } from '@coop/domain';
import { signToken } from '../auth/token-signer.js';
import { AuthenticationFailed, TokenVerifier } from '../auth/token-verifier.js';
import { loadConfig } from '../config/app-config.js';

const usage = `Usage: npm run token -- --sub <id> --name "<name>" [--country <ISO alpha-2>] --roles <${ROLES.join(',')}> [--expires 12h]
Prints a bearer token signed with the service's HS256 secret (AUTH_JWT_SECRET, or the development secret kept in DATA_DIR).
--country is required, except for the SECRETARIAT, which has none; --expires is at most AUTH_TOKEN_MAX_LIFETIME_HOURS (24).`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    sub: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
    roles: { type: 'string', default: 'PARTICIPANT' },
    expires: { type: 'string', default: '12h' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const roles = (values.roles ?? '').split(',').map((role) => role.trim().toUpperCase());
if (!roles.every(isRole)) fail(`--roles must be a comma-separated list of ${ROLES.join(', ')}`);
const country = values.country?.toUpperCase() ?? null;
if (country !== null && !isCountryCode(country)) fail(`--country ${country} is not a beneficiary country`);
if (country === null && !roles.includes('SECRETARIAT'))
  fail('--country is required unless --roles includes SECRETARIAT');
if (country !== null && roles.includes('SECRETARIAT'))
  fail('--country cannot go with SECRETARIAT: the secretariat has none');
const id = values.sub ?? `${(country ?? 'secretariat').toLowerCase()}-${roles[0]?.toLowerCase()}`;
const participant: Participant = { id, name: values.name ?? id, country, roles };

const config = loadConfig();
if (config.auth.kind !== 'secret') fail('tokens can only be minted with AUTH_JWT_SECRET (AUTH_JWKS_URL is set)');
const token = await signToken(config.auth.secret, participant, values.expires);
// The service's own verifier decides: a token printed here is one it accepts (lifetime, claims).
try {
  await new TokenVerifier(config.auth).verify(token);
} catch (error) {
  if (error instanceof AuthenticationFailed) fail(`the service would refuse this token: ${error.message}`);
  throw error;
}
process.stdout.write(`${token}\n`);
