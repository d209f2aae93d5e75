import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { type ServiceProcess, startServiceProcess } from './support/service-process.js';

const ROOT = join(import.meta.dirname, '..');
const CENTRAL_ASIA = ['KZ', 'KG', 'TJ', 'TM', 'UZ'];

interface Ready {
  readonly status: string;
  readonly projector: { readonly position: string | null };
}

/** Polls `/health/ready` until it says 200: the read model then holds the log as it was at start-up. */
async function untilReady(service: ServiceProcess): Promise<Ready> {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${service.port}/health/ready`);
    if (response.status === 200) return (await response.json()) as Ready;
    await sleep(100);
  }
}

async function stop(service: ServiceProcess): Promise<void> {
  service.child.kill('SIGTERM');
  expect(await service.exited()).toEqual({ code: 0, signal: null });
}

/** Runs a printed `npm run token` line as a person would paste it, from the project's folder; its last line is the token. */
async function runPrinted(command: string): Promise<string> {
  const { stdout } = await promisify(execFile)('sh', ['-c', command], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir() },
  });
  const token = stdout.trim().split('\n').at(-1) ?? '';
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return token;
}

async function gql<Data>(service: ServiceProcess, token: string, query: string, variables = {}): Promise<Data> {
  const response = await fetch(`http://127.0.0.1:${service.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data as Data;
}

interface AuditPage {
  readonly auditTrail: {
    readonly edges: unknown[];
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  };
}

async function auditEventCount(service: ServiceProcess, secretariat: string): Promise<number> {
  let count = 0;
  let after: string | null = null;
  for (;;) {
    const page: AuditPage = await gql<AuditPage>(
      service,
      secretariat,
      'query ($after: String) { auditTrail(first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }',
      { after },
    );
    count += page.auditTrail.edges.length;
    if (!page.auditTrail.pageInfo.hasNextPage) return count;
    after = page.auditTrail.pageInfo.endCursor;
  }
}

const PROJECT = `query ($text: String!) {
  search(text: $text, first: 5) {
    edges { node { ... on JointProjectProposal {
      title status leadCountry { code } partners { country { code } status }
      activities { title kind startsOn venue }
    } } }
  }
}`;

describe('the demo on a first start in development (built service as a real process)', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-demo-e2e-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('shows the Programme 2017–2019, prints tokens that work, and records it only once', async () => {
    const first = await startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    const { projector } = await untilReady(first);

    const printed = first.logs
      .map((line) => String(line['msg']))
      .filter((message) => message.includes('npm run token -- '));
    expect(printed).toEqual([
      expect.stringContaining('--sub kz-focal-point'),
      expect.stringContaining('--sub kg-participant'),
      expect.stringContaining('--sub secretariat'),
    ]);
    const [kzFocalPoint, kgParticipant, secretariat] = await Promise.all(printed.map(runPrinted));
    if (kzFocalPoint === undefined || kgParticipant === undefined || secretariat === undefined) {
      throw new Error('three tokens');
    }

    const { viewer } = await gql<{ viewer: unknown }>(first, kzFocalPoint, '{ viewer { id name country { code } } }');
    expect(viewer).toEqual({ id: 'kz-focal-point', name: 'Aigerim Nurpeisova', country: { code: 'KZ' } });

    // Notifications are derived from the demo's events like any others: the KZ focal point has unread ones waiting.
    const { notifications } = await gql<{
      notifications: { unreadCount: number; edges: { node: { reason: string } }[] };
    }>(first, kzFocalPoint, '{ notifications(first: 100) { unreadCount edges { node { reason } } } }');
    expect(notifications.unreadCount).toBeGreaterThan(0);
    expect(notifications.edges.map((edge) => edge.node.reason)).toEqual(
      expect.arrayContaining(['PARTNER_RESPONDED', 'PROPOSAL_REVIEWED', 'CONSULTATION_REQUESTED']),
    );

    type Project = {
      title: string;
      status: string;
      leadCountry: { code: string };
      partners: { country: { code: string }; status: string }[];
      activities: { title: string; kind: string; startsOn: string; venue: string | null }[];
    };
    const { search } = await gql<{ search: { edges: { node: Project }[] } }>(first, kgParticipant, PROJECT, {
      text: 'Strengthening industrial safety in Central Asia',
    });
    const project = search.edges
      .map((edge) => edge.node)
      .find((node) => node.title === 'Strengthening industrial safety in Central Asia');
    expect(project).toMatchObject({ status: 'COMPLETED', leadCountry: { code: 'KZ' } });
    expect(project?.partners).toEqual(
      ['KG', 'TJ', 'TM', 'UZ'].map((code) => ({ country: { code }, status: 'JOINED' })),
    );
    const starts = project?.activities.map((activity) => activity.startsOn) ?? [];
    expect(starts.length).toBeGreaterThanOrEqual(8);
    expect(starts).toEqual([...starts].sort((a, b) => Date.parse(a) - Date.parse(b)));
    expect(project?.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'TRAINING', venue: 'Almaty', startsOn: '2017-10-23T00:00:00.000Z' }),
        expect.objectContaining({ kind: 'SUBREGIONAL_WORKSHOP', venue: 'Almaty' }),
        expect.objectContaining({ kind: 'EVALUATION' }),
      ]),
    );

    const { cooperationStats } = await gql<{ cooperationStats: { country: { code: string }; total: number }[] }>(
      first,
      secretariat,
      '{ cooperationStats(from: "2017-01-01T00:00:00Z", to: "2018-12-31T00:00:00Z") { country { code } total } }',
    );
    for (const code of CENTRAL_ASIA) {
      expect({ code, active: (cooperationStats.find((row) => row.country.code === code)?.total ?? 0) > 0 }).toEqual({
        code,
        active: true,
      });
    }
    const events = await auditEventCount(first, secretariat);
    expect(events).toBeGreaterThan(50);
    await stop(first);

    const second = await startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    const again = await untilReady(second);
    expect(again.projector.position).toBe(projector.position);
    expect(await auditEventCount(second, secretariat)).toBe(events);
    expect(second.logs.some((line) => String(line['msg']).startsWith('demo: recorded'))).toBe(false);
    await stop(second);
  });

  it('records nothing with SEED_DEMO=false, nor in production', async () => {
    const service = await startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'development', SEED_DEMO: 'false' });
    expect((await untilReady(service)).projector.position).toBeNull();
    await stop(service);

    const production = await startServiceProcess({
      DATA_DIR: dataDir,
      NODE_ENV: 'production',
      AUTH_JWT_SECRET: 'a production secret of at least thirty-two bytes',
    });
    expect((await untilReady(production)).projector.position).toBeNull();
    expect(production.logs.some((line) => String(line['msg']).includes('npm run token'))).toBe(false);
    await stop(production);
  });
});

describe('npm run demo', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coop-demo-command-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const demo = (env: Record<string, string>) =>
    promisify(execFile)('npm', ['run', '--silent', 'demo'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? tmpdir(), DATA_DIR: dataDir, ...env },
    });

  it('records the demo once, and refuses while a service holds the data directory or in production', async () => {
    expect((await demo({})).stdout).toMatch(/^Recorded (\d+) of the demo's \1 acts \(the Programme 2017–2019\)\.\n/);
    expect((await demo({})).stdout).toMatch(/^The store holds the demo already: nothing recorded\.\n/);

    const service = await startServiceProcess({ DATA_DIR: dataDir, NODE_ENV: 'development' });
    try {
      await expect(demo({})).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(
          new RegExp(`^DATA_DIR ${dataDir} is in use by a service \\(pid ${service.child.pid}, `),
        ),
      });
    } finally {
      await stop(service);
    }

    await expect(
      demo({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'a production secret of at least thirty-two bytes' }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: 'NODE_ENV=production: the demo is never recorded in a production store\n',
    });
  });
});
