import { isSlumpKind, isSlumpStandard } from './slump-standard';

describe(isSlumpStandard.name, () => {
  it('knows both shipped tables', () => {
    expect(isSlumpStandard('gb_t_14902')).toBe(true);
    expect(isSlumpStandard('astm_c94')).toBe(true);
  });

  it('does not know EN 206', () => {
    expect(isSlumpStandard('en_206')).toBe(false);
  });
});

describe(isSlumpKind.name, () => {
  it('knows slump and slump flow and nothing else', () => {
    expect(isSlumpKind('slump')).toBe(true);
    expect(isSlumpKind('slump_flow')).toBe(true);
    expect(isSlumpKind('spread')).toBe(false);
  });
});
