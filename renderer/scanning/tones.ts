/**
 * The scan stations' sounds, made in code with WebAudio (no sound files to ship or load): a short high beep
 * for a scan that went through, a low double buzz for one that failed, so a person looking at the device in
 * their hand hears which it was. Silent where the browser has no audio or refuses it.
 */

interface Note {
  hz: number;
  startS: number;
  lengthS: number;
  wave: OscillatorType;
}

const TONES: Record<'ok' | 'failed', Note[]> = {
  ok: [{ hz: 1320, startS: 0, lengthS: 0.09, wave: 'sine' }],
  failed: [
    { hz: 220, startS: 0, lengthS: 0.14, wave: 'square' },
    { hz: 185, startS: 0.19, lengthS: 0.2, wave: 'square' },
  ],
};

const VOLUME = 0.18;
/** Fade in and out over a few ms so the tone starts and stops without a click. */
const RAMP_S = 0.008;

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  if (context) return context;
  try {
    context = typeof AudioContext === 'undefined' ? undefined : new AudioContext();
  } catch {
    context = undefined; // why: no audio device, or audio disabled by policy: stations work without sound
  }
  return context;
}

export function playTone(kind: 'ok' | 'failed'): void {
  const ctx = audio();
  if (!ctx) return;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const t0 = ctx.currentTime;
  for (const note of TONES[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = note.wave;
    osc.frequency.value = note.hz;
    const start = t0 + note.startS;
    const end = start + note.lengthS;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(VOLUME, start + RAMP_S);
    gain.gain.setValueAtTime(VOLUME, end - RAMP_S);
    gain.gain.linearRampToValueAtTime(0, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(end);
  }
}
