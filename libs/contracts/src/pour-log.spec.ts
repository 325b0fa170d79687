import {
  type PourLogEntryDto,
  pourLogEntryMatches,
  PourLogQuery,
  POUR_LOG_CODES,
  PostPourMessageRequest,
} from './pour-log';

const refusal = (body: unknown) => {
  const result = PostPourMessageRequest.safeParse(body);
  return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ');
};

describe('PostPourMessageRequest', () => {
  it('takes a quick message by its code, with its parameter where it has one', () => {
    expect(PostPourMessageRequest.parse({ code: 'pump_ready' })).toEqual({ code: 'pump_ready' });
    expect(PostPourMessageRequest.parse({ code: 'truck_stuck_at_gate', truck: ' T05 ' })).toEqual({
      code: 'truck_stuck_at_gate',
      truck: 'T05',
    });
    expect(PostPourMessageRequest.parse({ code: 'pour_finishing', lastLoadM3: 0 })).toEqual({
      code: 'pour_finishing',
      lastLoadM3: 0,
    });
  });

  it('trims typed text and keeps up to 500 characters, counting an emoji or a Chinese character as one', () => {
    expect(PostPourMessageRequest.parse({ code: 'text', text: '  east gate clear  ' })).toEqual({
      code: 'text',
      text: 'east gate clear',
    });
    expect(refusal({ code: 'text', text: '泵'.repeat(500) })).toBeUndefined();
    expect(refusal({ code: 'text', text: '🚚'.repeat(500) })).toBeUndefined();
    expect(refusal({ code: 'text', text: 'x'.repeat(501) })).toMatch(/at most 500 characters/);
  });

  it.each([
    ['empty text', { code: 'text', text: '   ' }, /must not be empty/],
    ['a NUL character', { code: 'text', text: 'pump\u0000ready' }, /control characters such as NUL/],
    ['another control character', { code: 'text', text: 'bell\u0007' }, /control characters/],
    ['a lone high surrogate', { code: 'text', text: 'pump \uD83D ready' }, /valid Unicode/],
    ['a lone low surrogate', { code: 'text', text: '\uDE9A' }, /valid Unicode/],
    ['an unknown code', { code: 'pump_on_fire' }, /discriminator|expected/i],
    ['no code at all', { text: 'hello' }, /discriminator|expected/i],
    ['a stuck truck without its number', { code: 'truck_stuck_at_gate' }, /expected string/],
    ['a negative last load', { code: 'pour_finishing', lastLoadM3: -1 }, /cannot be negative/],
    ['a last load that is a new plan', { code: 'pour_finishing', lastLoadM3: 501 }, /not a last load/],
    ['a last load in words', { code: 'pour_finishing', lastLoadM3: 'six' }, /expected number/],
  ])('refuses %s with a sentence', (_case, body, message) => {
    expect(refusal(body)).toMatch(message);
  });

  it('keeps tabs and line breaks a person may type', () => {
    expect(refusal({ code: 'text', text: 'line one\nline two\tend' })).toBeUndefined();
  });
});

describe('PourLogQuery', () => {
  it('splits the codes and trims the search', () => {
    expect(PourLogQuery.parse({ q: '  pump ', codes: 'pump_ready,load.en_route' })).toMatchObject({
      q: 'pump',
      codes: ['pump_ready', 'load.en_route'],
      page: 1,
      pageSize: 100,
    });
  });

  it('refuses a search with NUL or half a character, and a code list that is not one', () => {
    expect(PourLogQuery.safeParse({ q: 'a\u0000' }).success).toBe(false);
    expect(PourLogQuery.safeParse({ q: '\uD800' }).success).toBe(false);
    expect(PourLogQuery.safeParse({ codes: 'pump_ready;DROP TABLE pours' }).success).toBe(false);
    expect(PourLogQuery.safeParse({ q: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe(pourLogEntryMatches.name, () => {
  const entry = (overrides: Partial<PourLogEntryDto> = {}): PourLogEntryDto => ({
    id: 'e1',
    kind: 'message',
    at: '2026-11-28T02:00:00.000Z',
    by: { name: 'Wang Site', role: 'site_dispatcher' },
    code: 'truck_stuck_at_gate',
    params: { truck: 'T05' },
    text: '',
    proposal: null,
    ...overrides,
  });

  it('finds an entry by its truck, its author, its role or its code read as words, whatever the case', () => {
    for (const query of ['t05', 'WANG', 'site dispatcher', 'stuck at gate', 'truck stuck'])
      expect(pourLogEntryMatches(entry(), query)).toBe(true);
    expect(pourLogEntryMatches(entry(), 'pump')).toBe(false);
  });

  it('finds typed words and notes', () => {
    expect(pourLogEntryMatches(entry({ code: 'text', params: {}, text: 'East gate: 泵车已就位' }), '泵车')).toBe(true);
    expect(pourLogEntryMatches(entry({ code: 'request.hold', params: { note: 'Rebar check' } }), 'rebar')).toBe(true);
  });

  it('finds an entry whose code the reader’s words matched', () => {
    expect(pourLogEntryMatches(entry({ code: 'pump_ready', params: {} }), '泵', ['pump_ready'])).toBe(true);
    expect(pourLogEntryMatches(entry({ code: 'pump_blocked', params: {} }), '泵', ['pump_ready'])).toBe(false);
  });

  it('matches everything when there is nothing to find', () => {
    expect(pourLogEntryMatches(entry(), undefined)).toBe(true);
    expect(pourLogEntryMatches(entry(), '   ')).toBe(true);
  });

  it('reads a hostile query literally', () => {
    const typed = entry({ code: 'text', params: {}, text: "100% done, it's O'Brien's (a.*) \\ path" });
    for (const query of ['%', "'", '(a.*)', '\\', "o'brien"]) expect(pourLogEntryMatches(typed, query)).toBe(true);
    for (const query of ['.*', '%%', '[a-z]+', "'; DROP TABLE pours; --"])
      expect(pourLogEntryMatches(entry(), query)).toBe(false);
  });

  it('knows every code only once', () => {
    expect(new Set(POUR_LOG_CODES).size).toBe(POUR_LOG_CODES.length);
    expect(POUR_LOG_CODES).toEqual(expect.arrayContaining(['text', 'pour_finishing', 'load.en_route', 'qc.site.fail']));
  });
});
