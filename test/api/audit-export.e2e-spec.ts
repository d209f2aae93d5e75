import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { verifyAuditExport } from '@coop/event-store';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { answerQuestion, askQuestion, postComment, sharePractice } from './support/api.js';
import { cast } from './support/people.js';

const { kzExpert, rsExpert, geExpert, secretariat } = cast;
const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.dispose();
});

const exportUrl = (query = '') => `${app.url.replace(/\/graphql$/, '/audit/export')}${query}`;

async function download(query = '', headers: Record<string, string> = {}) {
  const response = await fetch(exportUrl(query), {
    headers: { authorization: `Bearer ${await app.token(secretariat)}`, ...headers },
  });
  return { response, lines: (await response.text()).split('\n').filter((line) => line !== '') };
}

type Line = { stream: string; version: number; type: string; metadata: { occurredAt: string } };
const parse = (line: string) => JSON.parse(line) as Line;

/** Runs one of the project's npm scripts the way an operator would, without failing on a non-zero exit. */
async function npmScript(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', script, '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('GET /audit/export', () => {
  it('streams every event to the secretariat as JSON Lines in log order, and the file verifies', async () => {
    const practice = await sharePractice(app, kzExpert);
    const question = await askQuestion(app, rsExpert);
    await answerQuestion(app, geExpert, question.id);
    await postComment(app, geExpert, practice.id);

    const { response, lines } = await download();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const streams = lines.map(parse).map((line) => `${line.stream} ${line.version} ${line.type}`);
    expect(streams).toEqual(
      expect.arrayContaining([
        `practice-${practice.id} 1 PracticeShared`,
        `question-${question.id} 1 QuestionAsked`,
        `question-${question.id} 2 QuestionAnswered`,
        `discussion-${practice.id} 1 CommentPosted`,
      ]),
    );
    expect(await verifyAuditExport(lines)).toMatchObject({ valid: true, events: lines.length });
  });

  it('exports a time range, from inclusive and to exclusive, whose first lines carry their previous hash', async () => {
    const question = await askQuestion(app, rsExpert);
    const answered = await answerQuestion(app, geExpert, question.id);
    await answerQuestion(app, kzExpert, question.id);
    const all = (await download()).lines.map(parse);
    const second = all.find((line) => line.stream === `question-${question.id}` && line.version === 2);
    const third = all.find((line) => line.stream === `question-${question.id}` && line.version === 3);
    expect(second).toBeDefined();
    const from = second?.metadata.occurredAt as string;
    const to = third?.metadata.occurredAt as string;
    const { lines } = await download(`?from=${from}&to=${to}`);
    expect(lines.map(parse).map((line) => line.stream)).toContain(`question-${question.id}`);
    expect(lines.map(parse).find((line) => line.stream === `question-${question.id}`)).toMatchObject({
      version: 2,
      previousHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      data: expect.objectContaining({ answerId: answered.id }),
    });
    expect(lines.map(parse).every((line) => line.metadata.occurredAt >= from && line.metadata.occurredAt < to)).toBe(
      true,
    );
    expect(await verifyAuditExport(lines)).toMatchObject({ valid: true, events: lines.length });
  });

  it.each([
    ['no token', {}, 401, 'UNAUTHENTICATED'],
    ['a bad token', { authorization: 'Bearer not-a-token' }, 401, 'UNAUTHENTICATED'],
  ])('answers %s with 401 and a JSON error carrying its code', async (_case, headers, status, code) => {
    const response = await fetch(exportUrl(), { headers });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ code, message: expect.any(String) });
  });

  it('answers a participant or a focal point with 403 FORBIDDEN', async () => {
    for (const who of [kzExpert, cast.kzFocalPoint]) {
      const response = await fetch(exportUrl(), { headers: { authorization: `Bearer ${await app.token(who)}` } });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('answers a bad range with 400 BAD_USER_INPUT naming the bound', async () => {
    const bad = await download('?from=last-tuesday');
    expect(bad.response.status).toBe(400);
    const notAfter = await download('?from=2019-01-01&to=2017-01-01');
    expect(notAfter.response.status).toBe(400);
    const twice = await download('?to=2019-01-01&to=2020-01-01');
    expect(twice.response.status).toBe(400);
    const bodies = [bad, notAfter, twice].map(({ lines }) => JSON.parse(lines.join('\n')) as Record<string, unknown>);
    expect(bodies).toEqual([
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { from: [expect.any(String)] } }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { to: [expect.any(String)] } }),
      expect.objectContaining({ code: 'BAD_USER_INPUT', fields: { to: [expect.any(String)] } }),
    ]);
  });
});

describe('npm run audit:export and audit:verify', () => {
  it('exports from the store directly, and the verifier needs only the file', async () => {
    await sharePractice(app, kzExpert);
    const file = join(app.dataDir, 'cli-export.ndjson');
    const exported = await npmScript('audit:export', ['--from', '2000-01-01', '--out', file], {
      DATA_DIR: app.dataDir,
    });
    expect(exported).toMatchObject({ code: 0, stderr: expect.stringMatching(/^exported \d+ events to /) });
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '');
    expect(lines).toEqual((await download('?from=2000-01-01')).lines.slice(0, lines.length));

    const verified = await npmScript('audit:verify', [file]);
    expect(verified).toEqual({
      code: 0,
      stdout: `${lines.length} events in ${new Set(lines.map((line) => parse(line).stream)).size} streams verified\n`,
      stderr: '',
    });

    const tampered = join(app.dataDir, 'tampered.ndjson');
    const original = lines[1] as string;
    const at = original.indexOf('"correlationId":"') + '"correlationId":"'.length;
    const changed = `${original.slice(0, at)}${original[at] === 'a' ? 'b' : 'a'}${original.slice(at + 1)}`;
    await writeFile(tampered, [lines[0], changed, ...lines.slice(2)].join('\n') + '\n');
    const failed = await npmScript('audit:verify', [tampered]);
    expect(failed).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^line 2: changed content: /) });
  });
});
