/**
 * The pure parts of scanning with a camera: which decoded texts count as a new scan, how a decoded text becomes
 * an asset tag, and what a failed camera start means to the person in front of it.
 */
import type { MessageKey } from '../../shared/i18n';

/** A code that stays in view (or flickers out for a frame or two) is one scan, not one scan per decoded frame. */
export const REPEAT_WINDOW_MS = 2000;

/** How often a frame is decoded: often enough to feel instant, rarely enough to leave the CPU to the rest of the app. */
export const DECODE_INTERVAL_MS = 200;

/**
 * A gate that lets a decoded text through once: again only after it has been out of view for `windowMs`.
 * Each sighting renews the window, so a label held in front of the camera for a minute is still one scan.
 */
export function createRepeatGate(windowMs: number = REPEAT_WINDOW_MS): (text: string, nowMs: number) => boolean {
  const lastSeen = new Map<string, number>();
  return (text, nowMs) => {
    for (const [seen, at] of lastSeen) if (nowMs - at >= windowMs) lastSeen.delete(seen);
    const isNew = !lastSeen.has(text);
    lastSeen.set(text, nowMs);
    return isNew;
  };
}

/** Why the camera scanner cannot scan; each has its own message telling the person what to do. */
export type CameraProblem = 'denied' | 'absent' | 'busy' | 'unsupported' | 'ended' | 'decoder' | 'failed';

export const CAMERA_PROBLEM_MESSAGE: Record<CameraProblem, MessageKey> = {
  denied: 'camera.denied',
  absent: 'camera.absent',
  busy: 'camera.busy',
  unsupported: 'camera.unsupported',
  ended: 'camera.ended',
  decoder: 'camera.decoderFailed',
  failed: 'camera.failed',
};

/** The problem behind a getUserMedia rejection, from the DOMException's name (browsers and Electron agree on these). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'absent';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
