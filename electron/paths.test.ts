import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from './paths';

describe('appPaths', () => {
  it('finds the built UI and the preload from the bundled main in dist/electron', () => {
    const root = path.resolve('/opt/Kredslob/resources/app.asar');
    const paths = appPaths(path.join(root, 'dist', 'electron'));
    expect(paths.rendererDir).toBe(path.join(root, 'dist', 'renderer'));
    expect(paths.preloadPath).toBe(path.join(root, 'dist', 'electron', 'preload.cjs'));
    expect(paths.indexUrl).toBe('app://kredslob/index.html');
  });
});
