import { BEARING_STEPS, colourOf } from './truckTracks';

export const OUTLINE = '#0d1117';
/** Badges of more counts than this are drawn afresh once the cache is emptied. */
const MAX_BADGES = 2000;

/** A filled circle with a ring around it. */
export function disc(
  context: CanvasRenderingContext2D,
  x: number,
  y: number,
  radius: number,
  fill: string,
  ringWidth: number,
  ring: string,
): void {
  context.beginPath();
  context.arc(x, y, radius, 0, Math.PI * 2);
  context.fillStyle = fill;
  context.fill();
  context.lineWidth = ringWidth;
  context.strokeStyle = ring;
  context.stroke();
}

function blank(side: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  return { canvas, context: canvas.getContext('2d')! };
}

/**
 * Every truck dot and counted badge, drawn once on a small canvas of its own and then only copied:
 * with thousands of trucks a path per dot costs far more to rasterise than copying the same few
 * images. Looked up by number: a truck's sprite key (colour and heading), a badge's colour and count.
 */
export class SpriteAtlas {
  private radius = NaN;
  private ratio = NaN;
  private trucks: Array<HTMLCanvasElement | undefined> = [];
  private readonly badges = new Map<number, HTMLCanvasElement>();

  /** The dot radius and device pixel ratio of this frame; sprites of other sizes are dropped. */
  use(radius: number, ratio: number): void {
    if (ratio !== this.ratio) this.badges.clear();
    if (radius !== this.radius || ratio !== this.ratio) this.trucks = [];
    this.radius = radius;
    this.ratio = ratio;
  }

  /** The dot of a sprite key (see spriteKeyOf), centred in its canvas. */
  truck(key: number): HTMLCanvasElement {
    return this.trucks[key] ?? (this.trucks[key] = this.drawTruck(key));
  }

  /** A counted badge of `radius` CSS pixels in a colour (by index), centred in its canvas. */
  badge(colour: number, count: number, radius: number): HTMLCanvasElement {
    const key = colour * 1_000_000 + Math.min(count, 999_999);
    const cached = this.badges.get(key);
    if (cached) return cached;
    if (this.badges.size >= MAX_BADGES) this.badges.clear();
    const ratio = this.ratio;
    const half = radius + 2;
    const { canvas, context } = blank(Math.ceil(half * 2 * ratio));
    context.scale(ratio, ratio);
    // The ring takes the colour most of its trucks have: a queue of loaded trucks reads as one.
    disc(context, half, half, radius, OUTLINE, 3, colourOf(colour));
    context.font = '700 12px system-ui, sans-serif';
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = '#f0f6fc';
    context.fillText(String(count), half, half + 0.5);
    this.badges.set(key, canvas);
    return canvas;
  }

  private drawTruck(key: number): HTMLCanvasElement {
    const { radius, ratio } = this;
    const colour = colourOf(Math.floor(key / (BEARING_STEPS + 1)));
    const step = (key % (BEARING_STEPS + 1)) - 1;
    const half = radius + 9;
    const { canvas, context } = blank(Math.ceil(half * 2 * ratio));
    context.scale(ratio, ratio);
    if (step >= 0) {
      const radians = (step * (360 / BEARING_STEPS) * Math.PI) / 180;
      context.beginPath();
      context.moveTo(half, half);
      context.lineTo(half + Math.sin(radians) * (radius + 7), half - Math.cos(radians) * (radius + 7));
      context.lineCap = 'round';
      context.lineWidth = 3;
      context.strokeStyle = OUTLINE;
      context.stroke();
      context.lineWidth = 1.5;
      context.strokeStyle = '#e6edf3';
      context.stroke();
    }
    disc(context, half, half, radius, colour, 1.5, OUTLINE);
    return canvas;
  }
}
