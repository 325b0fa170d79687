import { z } from 'zod';
import { plainText } from './common';

/** A drawn signature's PNG may be at most this large: a phone canvas of a few hundred pixels is far smaller. */
export const SIGNATURE_MAX_BYTES = 200_000;
/** And at most this wide or high, in pixels. */
export const SIGNATURE_MAX_SIDE_PX = 2_000;

/** A signature drawn on a tablet or phone, sent as a PNG data URL; the API checks the bytes are a PNG with ink on it. */
export const SignatureImage = z
  .string()
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/, 'a PNG data URL (data:image/png;base64,…)')
  .max(Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) + 32, `at most ${SIGNATURE_MAX_BYTES / 1000} kB of PNG`);

/** Who signed, in their own words: the name written beside the drawn signature. */
export const SignerName = plainText(80);

/** A signature as stored and shown: the signer's name and drawing, when, and whose account recorded it. */
export interface SignatureDto {
  signerName: string;
  /** The drawn signature as a PNG data URL; null for a refusal made without one. */
  imageDataUrl: string | null;
  signedAt: string;
  recordedById: string;
  recordedByName: string;
}
