import { admits, pause, resume, runningSince, type StrategyControl } from './strategy-control';

const T0 = new Date('2026-01-15T12:00:00Z');
const T1 = new Date('2026-01-15T13:00:00Z');
const T2 = new Date('2026-01-15T14:00:00Z');

describe('strategy control', () => {
  const running = runningSince(T0);
  const paused = pause(running, 'funding', 'api-key:a', T1);

  it('pauses with who, when and why', () => {
    expect(paused).toEqual({
      state: 'paused',
      pausedReason: 'funding',
      changedBy: 'api-key:a',
      updatedAt: T1,
    });
  });

  it('keeps the first pause when paused again', () => {
    expect(pause(paused, 'other', 'api-key:b', T2)).toBe(paused);
  });

  it('resumes, clearing the reason, and a second resume changes nothing', () => {
    const resumed = resume(paused, 'api-key:b', T2);
    expect(resumed).toEqual({
      state: 'running',
      pausedReason: null,
      changedBy: 'api-key:b',
      updatedAt: T2,
    });
    expect(resume(resumed, 'api-key:c', T2)).toBe(resumed);
  });

  it.each<[string, StrategyControl, 'entry' | 'exit', boolean]>([
    ['running: entries', running, 'entry', true],
    ['running: exits', running, 'exit', true],
    ['paused: no entries', paused, 'entry', false],
    ['paused: exits still', paused, 'exit', true],
  ])('admits %s', (_name, control, intent, expected) => {
    expect(admits(control, { intent })).toBe(expected);
  });
});
