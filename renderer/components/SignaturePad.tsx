/**
 * A signature drawn on screen at hand-over: a canvas that takes mouse, pen and touch through pointer events, and
 * a button that clears it. Each finished stroke hands the drawing up as a base64 PNG (what devices.handOver
 * accepts); clearing hands up undefined. There is no keyboard way to draw a signature, so the hint sends keyboard
 * users to signing on paper.
 */
import { useRef, type PointerEvent } from 'react';
import { useT } from '../i18n';

/** Drawing size in canvas pixels: wide enough for a name, small enough to stay a few kB as a PNG. */
const WIDTH = 480;
const HEIGHT = 160;
const PNG_PREFIX = 'data:image/png;base64,';

export function SignaturePad({ id, onChange, error }: { id: string; onChange: (png: string | undefined) => void; error?: string | undefined }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const el = e.currentTarget;
    const box = el.getBoundingClientRect();
    // The canvas may be drawn smaller than its pixels (a narrow window): scale the pointer to canvas pixels.
    return { x: ((e.clientX - box.left) * el.width) / box.width, y: ((e.clientY - box.top) * el.height) / box.height };
  };

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = true;
    const p = point(e);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    // A dot is a signature's stroke too (the i's dot): draw it even if the pointer does not move.
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = e.currentTarget.getContext('2d');
    if (!ctx) return;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const end = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    onChange(e.currentTarget.toDataURL('image/png').slice(PNG_PREFIX.length));
  };
  const clear = () => {
    const el = canvas.current;
    el?.getContext('2d')?.clearRect(0, 0, el.width, el.height);
    onChange(undefined);
  };

  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <p id={`${id}-label`} className="signature-label">
        {t('handOver.signaturePad')}
      </p>
      <p id={`${id}-hint`} className="hint">
        {t('handOver.signatureHint')}
      </p>
      <canvas
        ref={canvas}
        id={id}
        className="signature-pad"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-labelledby={`${id}-label`}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        data-testid="signature-pad"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={clear}>
          {t('handOver.signatureClear')}
        </button>
      </div>
    </div>
  );
}
