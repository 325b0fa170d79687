import { SIGNATURE_MAX_BYTES, SIGNATURE_MAX_SIDE_PX } from '@pourline/contracts';
import { PNG } from 'pngjs';
import { InvalidInputError } from '../errors/domain-error';

/** A drawn signature has at least this many inked pixels; fewer is an empty pad or a dot. */
const MIN_INKED_PIXELS = 40;

export class SignatureImageError extends InvalidInputError {
  constructor(problem: string) {
    super('signature_image_invalid', `signature: ${problem}`, ['signature']);
  }
}

function inkedPixels(png: PNG): number {
  let inked = 0;
  for (let offset = 0; offset < png.data.length; offset += 4) {
    const [red, green, blue, alpha] = png.data.subarray(offset, offset + 4);
    // Ink is any visible pixel that is not near-white paper.
    if (alpha > 32 && red + green + blue < 600) inked += 1;
  }
  return inked;
}

/**
 * The PNG bytes of a signature sent as a data URL, after checking them by
 * content: a whole, decodable PNG, within the size limits, with ink on it.
 */
export function signaturePngBytes(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > SIGNATURE_MAX_BYTES) throw new SignatureImageError(`at most ${SIGNATURE_MAX_BYTES} bytes`);
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch (error) {
    throw new SignatureImageError(`not a readable PNG image (${(error as Error).message})`);
  }
  if (png.width > SIGNATURE_MAX_SIDE_PX || png.height > SIGNATURE_MAX_SIDE_PX)
    throw new SignatureImageError(`${png.width}×${png.height} px is larger than ${SIGNATURE_MAX_SIDE_PX} px a side`);
  if (inkedPixels(png) < MIN_INKED_PIXELS) throw new SignatureImageError('the drawing is empty; sign on the pad');
  return bytes;
}
