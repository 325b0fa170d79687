import { PNG } from 'pngjs';

/** A signature as a phone's pad would send it: a PNG with a few strokes of ink. */
export function drawnSignature(width = 320, height = 120): string {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (let x = 20; x < width - 20; x += 1) {
    const y = Math.round(height / 2 + Math.sin(x / 12) * (height / 4));
    for (let thickness = 0; thickness < 3; thickness += 1)
      png.data.set([10, 20, 80, 255], ((y + thickness) * width + x) * 4);
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}
