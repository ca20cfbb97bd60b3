import { resolveLogFormat, type LogFormat, type LogFormatSetting } from './log-format';

describe('resolveLogFormat', () => {
  it.each<[LogFormatSetting, boolean, LogFormat]>([
    ['auto', true, 'pretty'],
    ['auto', false, 'json'],
    ['pretty', false, 'pretty'],
    ['json', true, 'json'],
  ])('LOG_FORMAT=%s with a terminal=%s logs %s', (setting, tty, expected) => {
    expect(resolveLogFormat(setting, tty)).toBe(expected);
  });
});
