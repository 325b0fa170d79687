import { PNG } from 'pngjs';
import { signaturePngBytes } from './signature-png';

function drawn(width: number, height: number, inkedRows: number): string {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (let y = 0; y < inkedRows; y += 1)
    for (let x = 0; x < width; x += 1) png.data.set([20, 20, 60, 255], (y * width + x) * 4);
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

describe(signaturePngBytes.name, () => {
  it('answers the PNG bytes of a drawn signature', () => {
    const bytes = signaturePngBytes(drawn(300, 120, 2));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses bytes that are not a PNG whatever the data URL says', () => {
    const jpeg = `data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).toString('base64')}`;
    expect(() => signaturePngBytes(jpeg)).toThrow(/signature: not a readable PNG image/);
  });

  it('refuses a truncated PNG', () => {
    const whole = drawn(300, 120, 2);
    expect(() => signaturePngBytes(whole.slice(0, whole.length - 40))).toThrow(/not a readable PNG/);
  });

  it('refuses an empty pad', () => {
    expect(() => signaturePngBytes(drawn(300, 120, 0))).toThrow(/the drawing is empty/);
  });

  it('refuses an image larger than a signature pad', () => {
    expect(() => signaturePngBytes(drawn(2001, 10, 1))).toThrow(/2001×10 px is larger than 2000 px a side/);
  });
});
