import { CONCERNS } from './concerns';
import type { Concern } from './variable';

/**
 * Pinned by hand: changing which variables are secret (their values are blanked in logs and
 * errors) must change this list too, in the same review.
 */
const PINNED_SECRETS = [
  'ADMIN_API_KEY',
  'DATABASE_URL',
  'DISCORD_WEBHOOK',
  'JWT_SECRET',
  'PACIFICA_AGENT_WALLET_PRIVKEY',
  'PACIFICA_API_KEY',
  'REDIS_URL',
  'TELEGRAM_BOT_TOKEN',
];

const variables = (Object.values(CONCERNS) as Concern[]).flatMap((concern) =>
  Object.entries(concern.variables),
);

describe('secret variables', () => {
  it.each(PINNED_SECRETS)(
    '%s is marked secret in its schema (fails if `secret: true` is removed from a pinned variable, e.g. DISCORD_WEBHOOK)',
    (name) => {
      const spec = variables.find(([variable]) => variable === name)?.[1];
      expect(spec).toBeDefined();
      expect(spec?.secret).toBe(true);
    },
  );

  it('every variable marked secret is pinned (fails if a secret is added without updating the list)', () => {
    const secrets = variables.filter(([, spec]) => spec.secret).map(([name]) => name);
    expect(secrets.sort()).toEqual(PINNED_SECRETS);
  });
});
