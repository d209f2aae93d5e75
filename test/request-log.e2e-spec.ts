import { createRootLogger } from '../apps/api/src/logging/pino-logger.service.js';
import { people } from './support/participants.js';
import { type TestApp, startTestApp } from './support/test-app.js';

/** Bounds the wait for a log line, only so that a missing line fails instead of hanging. */
const HANG_GUARD_MS = 10_000;

const SHARE = `mutation ShareTailingsChecklist($input: SharePracticeInput!) { sharePractice(input: $input) { id } }`;
const REVIEW = `mutation ReviewUnknown($id: ID!) { reviewProposal(id: $id, decision: ENDORSE, note: "Fine") { id } }`;
/** Written into a practice: it must not reach the log. */
const BODY_MARKER = 'Inspect-the-dam-twice-a-year-7f3c';

type LogLine = Record<string, unknown>;

describe('request log (the service with its own root logger, writing JSON)', () => {
  let app: TestApp;
  const output: string[] = [];

  beforeAll(async () => {
    const capture = { write: (chunk: string) => void output.push(...chunk.split('\n').filter((line) => line !== '')) };
    app = await startTestApp({ logger: createRootLogger('info', 'test', capture) });
  });

  afterAll(async () => {
    await app?.dispose();
  });

  const requestLines = (): LogLine[] =>
    output.map((line) => JSON.parse(line) as LogLine).filter((line) => line['msg'] === 'request');

  /**
   * The request lines `select` picks, once there is one: a line is written
   * when the response has been sent, which may be after the client read it.
   */
  async function linesWhere(select: (line: LogLine) => boolean, what: string): Promise<LogLine[]> {
    const deadline = Date.now() + HANG_GUARD_MS;
    while (!requestLines().some(select)) {
      if (Date.now() > deadline) throw new Error(`no request line for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // A second line for the same request would have come in the same turn.
    await new Promise((resolve) => setImmediate(resolve));
    return requestLines().filter(select);
  }
  const linesOf = (correlationId: string) =>
    linesWhere((line) => line['correlationId'] === correlationId, correlationId);

  it('writes one line per GraphQL request: method, path, operation name, status, duration, correlation id, and nothing sent', async () => {
    const token = await app.token(people.kzExpert);
    const input = {
      title: 'Tailings dam checklist',
      summary: 'A checklist',
      body: BODY_MARKER,
      topics: ['TAILINGS_SAFETY'],
      audience: { scope: 'NETWORK' },
    };
    const response = await app.gql(people.kzExpert, SHARE, { input }, { 'x-correlation-id': 'log-test-share' });
    expect(response.errors).toBeUndefined();

    const lines = await linesOf('log-test-share');
    expect(lines).toEqual([
      {
        level: 30,
        time: expect.any(String),
        service: 'cooperation-network',
        component: 'http',
        method: 'POST',
        path: '/graphql',
        operationName: 'ShareTailingsChecklist',
        status: 200,
        durationMs: expect.any(Number),
        correlationId: 'log-test-share',
        msg: 'request',
      },
    ]);
    expect(lines[0]?.['durationMs']).toBeGreaterThanOrEqual(0);
    const everything = output.join('\n');
    for (const secret of [token, BODY_MARKER, 'sharePractice(input', 'Bearer'])
      expect(everything).not.toContain(secret);
  });

  it('gives the error codes of an operation that failed, and the status of a request refused before GraphQL ran', async () => {
    await app.gql(people.secretariat, REVIEW, { id: 'no-such-proposal' }, { 'x-correlation-id': 'log-test-missing' });
    expect(await linesOf('log-test-missing')).toEqual([
      expect.objectContaining({ operationName: 'ReviewUnknown', status: 200, errorCodes: ['NOT_FOUND'] }),
    ]);

    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.c2lnbmF0dXJl';
    const refused = await fetch(app.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${forged}`,
        'x-correlation-id': 'log-test-forged',
      },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(refused.status).toBe(401);
    const [line] = await linesOf('log-test-forged');
    expect(line).toMatchObject({ method: 'POST', status: 401, errorCodes: ['UNAUTHENTICATED'] });
    expect(line).not.toHaveProperty('operationName');
    expect(output.join('\n')).not.toContain(forged);
  });

  it('logs other routes too, without their query string, under a correlation id of its own when the client sent none or a bad one', async () => {
    await fetch(app.url.replace('/graphql', '/health/live?token=secret-in-url'), {
      headers: { 'x-correlation-id': 'not a plain token; {"level":60}' },
    });
    const [line] = await linesWhere((candidate) => candidate['method'] === 'GET', 'GET /health/live');
    expect(line).toMatchObject({ method: 'GET', path: '/health/live', status: 200 });
    expect(line).not.toHaveProperty('operationName');
    expect(line?.['correlationId']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(output.join('\n')).not.toContain('secret-in-url');
  });
});
