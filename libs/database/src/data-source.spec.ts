import { buildDataSourceOptions, MIGRATIONS } from './data-source';

describe('buildDataSourceOptions', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/postgres';

  it('uses a pool of one connection for the embedded single-session database', () => {
    expect(buildDataSourceOptions({ url, embedded: true })).toMatchObject({
      type: 'postgres',
      url,
      extra: { max: 1 },
    });
  });

  it('pools 10 connections to a TimescaleDB server unless told otherwise', () => {
    expect(buildDataSourceOptions({ url, embedded: false }).extra).toEqual({ max: 10 });
    expect(buildDataSourceOptions({ url, embedded: false, poolSize: 1 }).extra).toEqual({ max: 1 });
  });

  it('registers every migration in order and never synchronizes the schema', () => {
    const options = buildDataSourceOptions({ url, embedded: false });
    expect(options.synchronize).toBe(false);
    expect(options.migrations).toEqual([...MIGRATIONS]);
    expect(MIGRATIONS.map((migration) => migration.name)).toEqual(
      [...MIGRATIONS.map((migration) => migration.name)].sort(
        (a, b) => Number(a.match(/\d{13}$/)![0]) - Number(b.match(/\d{13}$/)![0]),
      ),
    );
  });
});
