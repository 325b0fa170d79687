import { readDeviceId, readNumber, readTimestamp, RULES, toNumber } from './fields';

const now = new Date('2024-05-01T10:00:00Z');

function ts(raw: unknown, required = false): { at: Date; errors: string[] } {
  const errors: string[] = [];
  const at = readTimestamp('timestamp', raw, now, errors, required);
  return { at, errors };
}

function num(raw: unknown, rule = {}, scale = 1): { n: number | null; errors: string[] } {
  const errors: string[] = [];
  return { n: readNumber('x', raw, rule, errors, scale), errors };
}

describe('toNumber', () => {
  it.each([
    ['12.5', 12.5],
    [' -3 ', -3],
    ['+7', 7],
    ['.5', 0.5],
    ['1e3', 1000],
    [42, 42],
  ])('reads %p as %p', (raw, expected) => expect(toNumber(raw)).toBe(expected));

  it.each(['abc', '0x10', 'Infinity', 'NaN', '1,5', '', true, null, {}, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %p',
    (raw) => expect(toNumber(raw)).toBeUndefined(),
  );
});

describe('readNumber', () => {
  it('returns null for absent values and complains only when required', () => {
    expect(num(undefined)).toEqual({ n: null, errors: [] });
    expect(num('  ')).toEqual({ n: null, errors: [] });
    expect(num(null, { required: true }).errors).toEqual(['x: is required']);
  });

  it('names the range in the message', () => {
    expect(num('91', RULES.lat).errors).toEqual(['x: must be a number between -90 and 90']);
    expect(num('north', RULES.lat).errors).toEqual(['x: must be a number between -90 and 90']);
    expect(num(-1, RULES.speedKmh).errors).toEqual(['x: must be a number >= 0']);
    expect(num('high', RULES.altitudeM).errors).toEqual(['x: must be a number']);
  });

  it('accepts the range bounds', () => {
    expect(num('0', RULES.bearingDeg).n).toBe(0);
    expect(num('360', RULES.bearingDeg).n).toBe(360);
  });

  it('converts with the scale and states the range in wire units', () => {
    expect(num('10', RULES.speedKmh, 1.852).n).toBe(18.52);
    expect(num(0.57, RULES.batteryPercent, 100).n).toBe(57);
    expect(num(1.2, RULES.batteryPercent, 100).errors).toEqual(['x: must be a number between 0 and 1']);
  });
});

describe('readTimestamp', () => {
  const at = (iso: string) => new Date(iso).getTime();

  it.each([
    ['Unix seconds', '1714557600', '2024-05-01T10:00:00.000Z'],
    ['Unix seconds as a number', 1714557600, '2024-05-01T10:00:00.000Z'],
    ['fractional Unix seconds', '1714557600.25', '2024-05-01T10:00:00.250Z'],
    ['Unix milliseconds', '1714557600123', '2024-05-01T10:00:00.123Z'],
    ['ISO 8601 UTC', '2024-05-01T09:30:00Z', '2024-05-01T09:30:00.000Z'],
    ['ISO 8601 with milliseconds', '2024-05-01T09:30:00.456Z', '2024-05-01T09:30:00.456Z'],
    ['ISO 8601 with offset', '2024-05-01T17:30:00+08:00', '2024-05-01T09:30:00.000Z'],
    ['ISO 8601 with compact offset', '2024-05-01T17:30:00+0800', '2024-05-01T09:30:00.000Z'],
    ['ISO 8601 with hour offset', '2024-05-01T04:30:00-05', '2024-05-01T09:30:00.000Z'],
    ['ISO 8601 without zone (UTC)', '2024-05-01T09:30:00', '2024-05-01T09:30:00.000Z'],
    ['yyyy-MM-dd HH:mm:ss (UTC)', '2024-05-01 09:30:00', '2024-05-01T09:30:00.000Z'],
    ['yyyy-MM-dd HH:mm', '2024-05-01 09:30', '2024-05-01T09:30:00.000Z'],
  ])('reads %s', (_form, raw, expected) => {
    const r = ts(raw);
    expect(r.errors).toEqual([]);
    expect(r.at.getTime()).toBe(at(expected));
  });

  it('tells seconds from milliseconds at 1e11', () => {
    // Just above 1e11 is milliseconds (1973); 1e11 itself is seconds (year 5138, refused below).
    expect(ts(1e11 + 1).at.getTime()).toBe(1e11 + 1);
    expect(ts(1e11).at.getTime()).toBe(1e14);
  });

  it('uses now when missing, unless required', () => {
    expect(ts(undefined)).toEqual({ at: now, errors: [] });
    expect(ts('')).toEqual({ at: now, errors: [] });
    expect(ts(undefined, true).errors).toEqual(['timestamp: is required']);
  });

  it.each([
    'yesterday',
    '2024-02-30 10:00:00',
    '2024-05-01 24:00:00',
    '2024-13-01T00:00:00Z',
    '01/05/2024 10:00',
    '-5',
    true,
  ])('refuses %p', (raw) =>
    expect(ts(raw).errors).toEqual([
      'timestamp: must be Unix seconds or milliseconds, ISO 8601 or yyyy-MM-dd HH:mm:ss',
    ]),
  );

  it('refuses more than 24 h in the future but accepts up to 24 h', () => {
    expect(ts('2024-05-02T10:00:00Z').errors).toEqual([]);
    expect(ts('2024-05-02T10:00:01Z').errors).toEqual(['timestamp: is more than 24 h ahead of the server clock']);
    expect(ts(1e11).errors).toEqual(['timestamp: is more than 24 h ahead of the server clock']);
  });

  it('accepts old fixes (buffered positions arrive late)', () => {
    expect(ts('2023-01-01T00:00:00Z').errors).toEqual([]);
  });
});

describe('readDeviceId', () => {
  const id = (raw: unknown) => {
    const errors: string[] = [];
    return { id: readDeviceId('id', raw, errors), errors };
  };
  it('trims strings and stringifies numbers', () => {
    expect(id(' trk-t01 ')).toEqual({ id: 'trk-t01', errors: [] });
    expect(id(860123456789012)).toEqual({ id: '860123456789012', errors: [] });
  });
  it('refuses missing ids and ids no device could be registered with', () => {
    expect(id(undefined).errors).toEqual(['id: is required']);
    expect(id('  ').errors).toEqual(['id: is required']);
    expect(id({}).errors).toEqual(['id: is required']);
    expect(id('truck 1').errors).toEqual(['id: must be 1 to 64 letters, digits or . _ : -']);
    expect(id('a'.repeat(65)).errors).toEqual(['id: must be 1 to 64 letters, digits or . _ : -']);
  });
});
