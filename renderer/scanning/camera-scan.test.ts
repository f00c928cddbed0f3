import { describe, expect, it } from 'vitest';
import { cameraProblem, createRepeatGate } from './camera-scan';

describe('the repeat gate of the camera scanner', () => {
  it('reports a label held in view once, however many frames decode it', () => {
    const isNew = createRepeatGate(2000);
    const reported = [0, 200, 400, 1900, 3500, 5000].filter((t) => isNew('KK-0001234', t));
    expect(reported).toEqual([0]);
  });

  it('reports the same label again after it was out of view for the window', () => {
    const isNew = createRepeatGate(2000);
    expect(isNew('KK-0001234', 0)).toBe(true);
    expect(isNew('KK-0001234', 1999)).toBe(false);
    expect(isNew('KK-0001234', 3998)).toBe(false);
    expect(isNew('KK-0001234', 6000)).toBe(true);
  });

  it('reports a different label at once, and both again after the window', () => {
    const isNew = createRepeatGate(2000);
    expect(isNew('KK-0001234', 0)).toBe(true);
    expect(isNew('KK-0009999', 100)).toBe(true);
    expect(isNew('KK-0001234', 300)).toBe(false);
    expect(isNew('KK-0009999', 2500)).toBe(true);
  });
});


describe('cameraProblem', () => {
  it('tells a refused, a missing and a busy camera apart', () => {
    expect(cameraProblem(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied');
    expect(cameraProblem(new DOMException('Requested device not found', 'NotFoundError'))).toBe('absent');
    expect(cameraProblem(new DOMException('Could not start video source', 'NotReadableError'))).toBe('busy');
    expect(cameraProblem(new Error('something else'))).toBe('failed');
    expect(cameraProblem('not an error')).toBe('failed');
  });
});
