import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';

export type EventStoreKind = 'sqlite' | 'eventstoredb';

/** `NODE_ENV`. */
export type Environment = 'development' | 'production' | 'test';

export type AuthConfig =
  | {
      readonly kind: 'secret';
      readonly secret: Uint8Array;
      readonly generated: boolean;
      /** The longest a token may be valid for, from its issue (`iat`, or now when it has none) to its `exp`. */
      readonly maxTokenLifetimeSeconds: number;
    }
  | { readonly kind: 'jwks'; readonly jwksUrl: URL; readonly issuer: string; readonly audience: string };

export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'eventstoredb'; readonly connectionString: string };

export interface AppConfig {
  readonly environment: Environment;
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly eventStore: EventStoreConfig;
  readonly auth: AuthConfig;
  readonly logLevel: string;
  /** GraphQL operations a viewer (or anonymous address) may start per minute. */
  readonly rateLimitPerMinute: number;
  /** Entries a live subscriber may have waiting before it is ended with RESUME_REQUIRED. */
  readonly liveQueueLimit: number;
  /** Memory for answers to queries at the read model's current position; 0 turns the cache off. */
  readonly responseCacheBytes: number;
  /** A request's headers (a WebSocket upgrade's included) must arrive within this. */
  readonly headersTimeoutMs: number;
  /** A whole request must arrive within this, and a connection may stay silent no longer. */
  readonly requestTimeoutMs: number;
  /** Record the Programme's demo on an empty store at start-up: in development only, unless SEED_DEMO=false. */
  readonly seedDemo: boolean;
  /** Serve `GET /metrics` and collect what it reports. */
  readonly metrics: boolean;
}

/** A bad configuration value: start-up stops with a message naming the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_SECRET_BYTES = 32;
const GENERATED_SECRET_FILE = 'auth-jwt-secret';
/** The embedded event store's file in DATA_DIR. */
export const EVENT_STORE_FILE = 'events.sqlite';
/** The read model's file in DATA_DIR. */
export const READ_MODEL_FILE = 'read-model.sqlite';

function integerIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}–${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(name, `expected true or false, got "${raw}"`);
  return raw === 'true';
}

function required(env: Env, name: string, why: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') throw new ConfigError(name, `is required ${why}`);
  return raw;
}

/**
 * In development a missing secret is generated once and kept in DATA_DIR, so
 * tokens minted by `npm run token` stay valid across restarts; production must
 * be given one.
 */
function authConfig(env: Env, production: boolean, dataDir: string): AuthConfig {
  const jwksUrl = env['AUTH_JWKS_URL'];
  if (jwksUrl) {
    let url: URL;
    try {
      url = new URL(jwksUrl);
    } catch {
      throw new ConfigError('AUTH_JWKS_URL', `is not a URL: "${jwksUrl}"`);
    }
    return {
      kind: 'jwks',
      jwksUrl: url,
      issuer: required(env, 'AUTH_ISSUER', 'with AUTH_JWKS_URL'),
      audience: required(env, 'AUTH_AUDIENCE', 'with AUTH_JWKS_URL'),
    };
  }
  const maxTokenLifetimeSeconds = integerIn(env, 'AUTH_TOKEN_MAX_LIFETIME_HOURS', 24, 1, 24 * 366) * 3600;
  const secret = env['AUTH_JWT_SECRET'];
  if (secret) {
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      throw new ConfigError('AUTH_JWT_SECRET', `must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    return { kind: 'secret', secret: new TextEncoder().encode(secret), generated: false, maxTokenLifetimeSeconds };
  }
  if (production) throw new ConfigError('AUTH_JWT_SECRET', 'is required in production (or set AUTH_JWKS_URL)');
  const generated = new TextEncoder().encode(developmentSecret(dataDir));
  return { kind: 'secret', secret: generated, generated: true, maxTokenLifetimeSeconds };
}

function developmentSecret(dataDir: string): string {
  const file = join(dataDir, GENERATED_SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(MIN_SECRET_BYTES).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

const dataDirOf = (env: Env): string => resolve(env['DATA_DIR'] || 'data');

/**
 * Where the events are, from the same variables as the service: for tools that
 * read the store without running the service (and need none of its other settings).
 */
export function loadEventStoreConfig(env: Env = process.env): EventStoreConfig {
  const kind = oneOf<EventStoreKind>(env, 'EVENT_STORE', ['sqlite', 'eventstoredb'], 'sqlite');
  return kind === 'sqlite'
    ? { kind, file: join(dataDirOf(env), EVENT_STORE_FILE) }
    : { kind, connectionString: required(env, 'EVENTSTORE_CONNECTION_STRING', 'with EVENT_STORE=eventstoredb') };
}

/** Reads and validates the whole configuration once; throws `ConfigError` on the first bad value. */
export function loadConfig(env: Env = process.env): AppConfig {
  const environment = oneOf<Environment>(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const production = environment === 'production';
  const dataDir = dataDirOf(env);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError('DATA_DIR', `cannot create ${dataDir}: ${(error as Error).message}`);
  }
  return {
    environment,
    production,
    port: integerIn(env, 'PORT', 3000, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    dataDir,
    eventStore: loadEventStoreConfig(env),
    auth: authConfig(env, production, dataDir),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    rateLimitPerMinute: integerIn(env, 'RATE_LIMIT_PER_MINUTE', 600, 1, 10_000_000),
    liveQueueLimit: integerIn(env, 'LIVE_QUEUE_LIMIT', 256, 1, 100_000),
    responseCacheBytes: integerIn(env, 'RESPONSE_CACHE_MB', 32, 0, 4096) * 1024 * 1024,
    ...requestTimeouts(env),
    // Production never seeds, whatever SEED_DEMO says: demo data must not mix with a real record.
    seedDemo: flag(env, 'SEED_DEMO', true) && environment === 'development',
    metrics: flag(env, 'METRICS_ENABLED', true),
  };
}

/** Slow clients (a slow-loris trickling headers or a body) hold a connection this long at most. */
function requestTimeouts(env: Env): { headersTimeoutMs: number; requestTimeoutMs: number } {
  const headersTimeoutMs = integerIn(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 300_000);
  const requestTimeoutMs = integerIn(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000);
  if (requestTimeoutMs < headersTimeoutMs) {
    throw new ConfigError('HTTP_REQUEST_TIMEOUT_MS', `must be at least HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`);
  }
  return { headersTimeoutMs, requestTimeoutMs };
}
