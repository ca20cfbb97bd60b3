import { ISO_DATE_TIME_PATTERN, isUsableDate } from './date-time';

describe('ISO_DATE_TIME_PATTERN and isUsableDate', () => {
  it.each(['2025-01-01', '2025-01-01T00:00Z', '2025-01-01T02:00:00.123456+02:00', '9999-12-31'])(
    'accepts %s, which parses to a usable date',
    (text) => {
      expect(ISO_DATE_TIME_PATTERN.test(text)).toBe(true);
      expect(isUsableDate(new Date(text))).toBe(true);
    },
  );

  it.each(['20250101', '2025-W01', '2025-001', '+275760-09-13T00:00:00Z', 'yesterday', '2025'])(
    'refuses the form of %s',
    (text) => {
      expect(ISO_DATE_TIME_PATTERN.test(text)).toBe(false);
    },
  );

  it.each([new Date(Number.NaN), new Date(-8.64e15), new Date('+010000-01-01T00:00:00Z')])(
    'refuses %s as a database instant',
    (date) => {
      expect(isUsableDate(date)).toBe(false);
    },
  );
});
