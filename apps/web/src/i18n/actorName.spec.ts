import { describe, expect, it } from '@jest/globals';
import { actorName } from './actorName';
import { en as english } from './messages.en';
import { zhCN } from './messages.zh-CN';

const translator = (messages: Record<string, string>) => (key: string) => messages[key] ?? key;

describe(actorName.name, () => {
  const en = translator(english);
  const zh = translator(zhCN);

  it('names the demo fleet in the reader’s language', () => {
    expect(actorName('Demo fleet (simulator)', en)).toBe('Demo fleet (simulator)');
    expect(actorName('Demo fleet (simulator)', zh)).toBe('演示车队（模拟器）');
  });

  it('keeps the account name an audit entry adds', () => {
    expect(actorName('Demo fleet (simulator) (demo-fleet)', zh)).toBe('演示车队（模拟器） (demo-fleet)');
  });

  it('shows people’s names as they are', () => {
    expect(actorName('Wang Lei (dispatcher)', zh)).toBe('Wang Lei (dispatcher)');
    expect(actorName('tracker trk-t03', zh)).toBe('tracker trk-t03');
  });
});
