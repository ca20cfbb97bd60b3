import { perProcessGroup, processUniqueName } from './process-group';

describe('per-process stream groups', () => {
  it('gives each reader a group of its own but one metrics label and consumer name for them all', () => {
    const first = perProcessGroup('live-candles');
    const second = perProcessGroup('live-candles');

    expect(first.group).not.toBe(second.group);
    expect(first.group.startsWith('live-candles-')).toBe(true);
    expect(first).toMatchObject({ metricsGroup: 'live-candles', consumer: 'live-candles' });
    expect(second).toMatchObject({ metricsGroup: 'live-candles', consumer: 'live-candles' });
  });

  it('names a consumer after its host and process, uniquely', () => {
    expect(processUniqueName()).toContain(`-${process.pid}-`);
    expect(processUniqueName()).not.toBe(processUniqueName());
  });
});
