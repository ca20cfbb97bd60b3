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

  it('leaves the pool size to the driver for a TimescaleDB server', () => {
    expect(buildDataSourceOptions({ url, embedded: false }).extra).toEqual({});
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
