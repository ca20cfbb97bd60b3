export type LogFormatSetting = 'auto' | 'pretty' | 'json';
export type LogFormat = 'pretty' | 'json';

/** LOG_FORMAT=auto: pretty for a person at a terminal, JSON lines for anything reading a pipe. */
export function resolveLogFormat(setting: LogFormatSetting, stdoutIsTty: boolean): LogFormat {
  if (setting === 'auto') {
    return stdoutIsTty ? 'pretty' : 'json';
  }
  return setting;
}
