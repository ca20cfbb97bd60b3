import {
  API_KEY_PATTERN,
  formatApiKey,
  hashApiKeySecret,
  parseApiKey,
  secretMatches,
} from './api-key';

const ID = Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 255]);
const SECRET = new Uint8Array(32).fill(0xfb);

describe('API keys', () => {
  it('formats nxk_<16 hex id>_<43 base64url secret>', () => {
    const key = formatApiKey(ID, SECRET);
    expect(key).toBe(`nxk_00010203040506ff_${'-_v7'.repeat(10)}-_s`);
    expect(key).toMatch(API_KEY_PATTERN);
  });

  it('parses back the id and the secret', () => {
    expect(parseApiKey(formatApiKey(ID, SECRET))).toEqual({
      id: '00010203040506ff',
      secret: `${'-_v7'.repeat(10)}-_s`,
    });
  });

  it.each([
    '',
    'nxk_00010203040506ff',
    `nxk_00010203040506FF_${'a'.repeat(43)}`,
    `nxk_0001020304050_${'a'.repeat(43)}`,
    `nxk_00010203040506ff_${'a'.repeat(42)}`,
    `nxk_00010203040506ff_${'a'.repeat(44)}`,
    `xyz_00010203040506ff_${'a'.repeat(43)}`,
    `nxk_00010203040506ff_${'a'.repeat(42)}=`,
    'eyJhbGciOiJIUzI1NiJ9.e30.sig',
    `Bearer nxk_00010203040506ff_${'a'.repeat(43)}`,
    `nxk_00010203040506ff_${'a'.repeat(43)} `,
  ])('refuses the malformed key %j', (text) => {
    expect(parseApiKey(text)).toBeUndefined();
  });

  it('refuses bytes of the wrong length', () => {
    expect(() => formatApiKey(ID.slice(1), SECRET)).toThrow(
      new RangeError('an API key takes 8 id bytes and 32 secret bytes'),
    );
    expect(() => formatApiKey(ID, SECRET.slice(1))).toThrow(RangeError);
  });

  it('stores the SHA-256 of the secret and matches only that secret', () => {
    const hash = hashApiKeySecret('abc');
    expect(hash).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(secretMatches('abc', hash)).toBe(true);
    expect(secretMatches('abd', hash)).toBe(false);
    expect(secretMatches('abc', 'ba78')).toBe(false);
  });
});
