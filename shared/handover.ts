/**
 * Hand-over with acceptance (issue 11): who collected the device, for which unit of the reserving
 * administration, and how the receipt was signed. Shared by the contract, the core and the hand-over screen.
 */
import { z } from 'zod';
import { Id } from './schemas';

/**
 * A drawn signature is a small PNG: a signature pad of a few hundred pixels compresses to a few kB, so 256 kB
 * leaves room for a large screen while refusing a photo pasted in its place.
 */
export const SIGNATURE_MAX_BYTES = 256 * 1024;
export const SIGNATURE_MAX_WIDTH = 2000;
export const SIGNATURE_MAX_HEIGHT = 1000;
/** Smaller than this is no signature anyone could read. */
export const SIGNATURE_MIN_SIDE = 20;

/** Base64 of SIGNATURE_MAX_BYTES, with room so the core (not the schema) names the size in its refusal. */
const SIGNATURE_MAX_BASE64 = Math.ceil((SIGNATURE_MAX_BYTES * 4) / 3) * 2;

/** How the receiver accepted: a receipt printed and signed on paper, or a signature drawn on screen (a PNG). */
export const HandOverAcceptance = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paper') }).strict(),
  z
    .object({
      kind: z.literal('drawn'),
      /** The drawn signature as a base64 PNG (no data: prefix). */
      signaturePng: z.string().min(1).max(SIGNATURE_MAX_BASE64),
    })
    .strict(),
]);
export type HandOverAcceptance = z.infer<typeof HandOverAcceptance>;

/** The acceptance fields of devices.handOver. */
export const handOverAcceptanceFields = {
  /** Who collected the device for the reserving administration (name as they give it). */
  pickedUpBy: z.string().trim().min(1).max(200),
  /** The signed-in person who collected it, in shared mode (the standalone app has no sign-in for receivers). */
  pickedUpByUserId: Id.optional(),
  /** The unit of the reserving administration that receives the device. */
  unitId: Id,
  acceptance: HandOverAcceptance,
};

