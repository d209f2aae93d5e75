/** The codes the API answers with in `extensions.code`; each has its words in the catalogues (`errors.<code>`). */
export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'INVALID_STATE',
  'RATE_LIMITED',
  'RESUME_REQUIRED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;

/** The API's codes, plus the two the console meets before an answer: no answer at all, or not GraphQL. */
export type ErrorCode = (typeof API_ERROR_CODES)[number] | 'NETWORK' | 'UNKNOWN';

interface GraphqlErrorBody {
  readonly message?: string;
  readonly extensions?: { readonly code?: unknown; readonly fields?: unknown; readonly [key: string]: unknown };
}

/** An error the API (or the way to it) answered; `fields` names the inputs that were refused. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The service's own words, in English. */
    readonly detail: string,
    readonly fields: Readonly<Record<string, readonly string[]>> = {},
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
  }

  /** The messages about one input, whether the API names it alone (`body`) or by its path (`input.body`). */
  fieldMessages(field: string): readonly string[] {
    const key = Object.keys(this.fields).find((name) => name === field || name.endsWith(`.${field}`));
    return key === undefined ? [] : (this.fields[key] ?? []);
  }
}

export function apiErrorOf(body: GraphqlErrorBody | undefined): ApiError {
  const code = body?.extensions?.code;
  const fields = body?.extensions?.fields;
  return new ApiError(
    typeof code === 'string' && (API_ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'UNKNOWN',
    body?.message ?? '',
    typeof fields === 'object' && fields !== null ? (fields as Record<string, string[]>) : {},
    body?.extensions ?? {},
  );
}

export type Variables = Readonly<Record<string, unknown>>;

/** Called when the API no longer accepts the session's token, so the console can ask for a new one. */
let onUnauthenticated: (error: ApiError) => void = () => {};
export function whenUnauthenticated(handler: (error: ApiError) => void): void {
  onUnauthenticated = handler;
}

/** One GraphQL operation over HTTP, as any client sends it; the API's first error is thrown as an `ApiError`. */
export async function request<Data>(token: string | null, query: string, variables: Variables = {}): Promise<Data> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  }
  let body: { data?: Data | null; errors?: GraphqlErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError('UNKNOWN', `HTTP ${response.status}`);
  }
  if (body.errors?.length) {
    const error = apiErrorOf(body.errors[0]);
    if (error.code === 'UNAUTHENTICATED' && token !== null) onUnauthenticated(error);
    throw error;
  }
  if (body.data === undefined || body.data === null) throw new ApiError('UNKNOWN', `HTTP ${response.status}`);
  return body.data;
}
