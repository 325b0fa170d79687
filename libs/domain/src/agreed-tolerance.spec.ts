import { agreedSlumpToleranceMm } from './agreed-tolerance';

describe('agreedSlumpToleranceMm', () => {
  const mix = { slumpKind: 'slump' as const, slumpToleranceMm: null };

  it('keeps a tighter tolerance agreed on the pour', () => {
    expect(agreedSlumpToleranceMm({ slumpTargetMm: 180, slumpToleranceMm: 20 }, mix, { standard: 'gb_t_14902' })).toBe(
      20,
    );
  });

  it('never lets the pour be looser than the plant’s standard', () => {
    expect(agreedSlumpToleranceMm({ slumpTargetMm: 180, slumpToleranceMm: 50 }, mix, { standard: 'gb_t_14902' })).toBe(
      30,
    );
    expect(agreedSlumpToleranceMm({ slumpTargetMm: 180, slumpToleranceMm: 50 }, mix, { standard: 'astm_c94' })).toBe(
      40,
    );
  });

  it('takes the mix’s own tolerance over the standard’s', () => {
    const strict = { slumpKind: 'slump' as const, slumpToleranceMm: 15 };
    expect(
      agreedSlumpToleranceMm({ slumpTargetMm: 180, slumpToleranceMm: 50 }, strict, { standard: 'gb_t_14902' }),
    ).toBe(15);
  });
});
