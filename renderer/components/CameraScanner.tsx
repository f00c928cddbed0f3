/**
 * The live camera view that reads QR labels: asks for the camera (the rear one where there is one), decodes a
 * few frames a second offline and calls `onScan` once per code that comes into view. The camera is switched off
 * when the scanner goes away. A refused, missing or busy camera and a decoder that fails to load each get their
 * own message and a "Try again".
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { CAMERA_PROBLEM_MESSAGE, cameraProblem, createRepeatGate, DECODE_INTERVAL_MS, type CameraProblem } from '../scanning/camera-scan';
import { Banner } from './Banner';

type Phase = { kind: 'starting' } | { kind: 'scanning' } | { kind: 'problem'; problem: CameraProblem };

/** Frames wider than this are scaled down before decoding: a label fills enough pixels, and decoding stays fast. */
const MAX_DECODE_WIDTH = 960;

const CAMERA_CONSTRAINTS: MediaStreamConstraints = {
  // why: `ideal`, not `exact`: a laptop's only camera faces the user and must still be used
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
  audio: false,
};

export function CameraScanner({ onScan }: { onScan(text: string): void }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const onScanRef = useRef(onScan);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    const isNew = createRepeatGate();
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const stopCamera = () => {
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = undefined;
      if (videoRef.current) videoRef.current.srcObject = null;
    };
    const fail = (problem: CameraProblem) => {
      if (stopped) return;
      stopCamera();
      setPhase({ kind: 'problem', problem });
    };

    let decoder: Promise<typeof import('../scanning/camera-decoder')> | undefined;
    const decodeFrame = async () => {
      if (!decoder) return;
      const video = videoRef.current;
      if (!video || !context || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
      const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
      canvas.width = Math.round(video.videoWidth * scale);
      canvas.height = Math.round(video.videoHeight * scale);
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      const { decodeQrCodes } = await decoder;
      const texts = await decodeQrCodes(context.getImageData(0, 0, canvas.width, canvas.height));
      const now = performance.now();
      for (const text of texts) if (!stopped && isNew(text, now)) onScanRef.current(text);
    };

    const scanLoop = async () => {
      if (stopped) return;
      try {
        await decodeFrame();
      } catch (error) {
        console.error('[kredslob] QR decoding failed', error);
        fail('decoder');
        return;
      }
      if (!stopped) timer = window.setTimeout(() => void scanLoop(), DECODE_INTERVAL_MS);
    };

    const start = async () => {
      if (!context) return fail('failed');
      if (!navigator.mediaDevices?.getUserMedia) return fail('unsupported'); // plain http on another host, or no media support
      // why lazy: the decoder's code and its wasm (~1 MB) load only when someone opens the camera, not at start-up
      decoder = import('../scanning/camera-decoder');
      const decoderReady = decoder.then((m) => m.loadQrDecoder()).then(
        () => true,
        (error: unknown) => {
          console.error('[kredslob] the QR decoder did not load', error);
          return false;
        },
      );
      try {
        stream = await navigator.mediaDevices.getUserMedia(CAMERA_CONSTRAINTS);
      } catch (error) {
        return fail(cameraProblem(error));
      }
      if (stopped) return stopCamera();
      for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => fail('ended'));
      const video = videoRef.current;
      if (!video) return stopCamera();
      video.srcObject = stream;
      // why: play() rejects when the element is torn down meanwhile; the `stopped` check below covers that case
      await video.play().catch(() => undefined);
      if (!(await decoderReady)) return fail('decoder');
      if (stopped) return stopCamera();
      setPhase({ kind: 'scanning' });
      void scanLoop();
    };

    void start();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      stopCamera();
    };
  }, [attempt]);

  const retry = () => {
    setPhase({ kind: 'starting' });
    setAttempt((n) => n + 1);
  };

  const problem = phase.kind === 'problem' ? phase.problem : undefined;
  return (
    <div className="camera-scanner" data-testid="camera-scanner" data-phase={phase.kind}>
      <div className="camera-view">
        <video ref={videoRef} className="camera-video" aria-label={t('camera.videoLabel')} muted playsInline autoPlay data-testid="camera-video" />
        {phase.kind === 'scanning' && <span className="camera-aim" aria-hidden="true" />}
      </div>
      {problem ? (
        <Banner kind="error" testId="camera-problem">
          <p>{t(CAMERA_PROBLEM_MESSAGE[problem])}</p>
          <button type="button" className="button button-secondary button-small" onClick={retry}>
            {t('camera.retry')}
          </button>
        </Banner>
      ) : (
        <p className="camera-state muted" role="status" data-testid="camera-state">
          {t(phase.kind === 'starting' ? 'camera.starting' : 'camera.scanning')}
        </p>
      )}
    </div>
  );
}
