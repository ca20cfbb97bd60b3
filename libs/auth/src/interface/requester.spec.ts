import { requesterOf } from './requester';

describe('requesterOf', () => {
  it('names the caller by its API key id, whichever credential it came with', () => {
    expect(requesterOf({ principal: { keyId: 'a1b2', role: 'admin', via: 'jwt' } })).toBe(
      'api-key:a1b2',
    );
  });

  it('refuses a request the auth guard did not pass', () => {
    expect(() => requesterOf({})).toThrow(/auth guard/);
  });
});
