import { createServiceMetrics } from './service-metrics.js';

const count = (exposition: string, operation: string): number => {
  const line = exposition
    .split('\n')
    .find((candidate) =>
      candidate.startsWith(`coop_graphql_operation_duration_seconds_count{operation="${operation}",outcome="OK"}`),
    );
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
};

describe('service metrics', () => {
  it('keeps the operation label bounded: past 200 names, or past 100 characters, operations count as (other)', async () => {
    const metrics = createServiceMetrics(true);
    const ended = (operationName: string | null) =>
      metrics.graphqlRequestEnded({ operationName, errorCode: null, seconds: 0.001 });
    ended('A'.repeat(101));
    for (let index = 0; index < 200; index += 1) ended(`Operation${index}`);
    ended('OneTooMany');
    ended('Operation7');
    ended(null);

    const exposition = await metrics.exposition();
    expect(count(exposition, '(other)')).toBe(2);
    expect(count(exposition, 'Operation7')).toBe(2);
    expect(count(exposition, 'Operation199')).toBe(1);
    expect(count(exposition, 'OneTooMany')).toBe(0);
    expect(count(exposition, '(anonymous)')).toBe(1);
  });

  it('collects nothing and exposes nothing when disabled', async () => {
    const metrics = createServiceMetrics(false);
    metrics.graphqlRequestEnded({ operationName: 'Viewer', errorCode: null, seconds: 0.001 });
    expect(metrics.enabled).toBe(false);
    expect(await metrics.exposition()).toBe('');
  });
});
