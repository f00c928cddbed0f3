/**
 * The packaging configuration, checked here because the installers themselves cannot be built on a machine
 * without Electron's binary: electron-builder must accept electron-builder.yml, the fuses must all be set,
 * the right installers must come out, and the app must ship what it loads at run time.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// why: js-yaml and app-builder-lib come with electron-builder and ship no types of their own; what they return is checked below
const yaml = require('js-yaml') as { load(text: string): unknown };

interface PackagingConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  publish: unknown;
  win: { target: string[]; publish: { provider: string; url: string } };
  nsis: { oneClick: boolean; perMachine: boolean };
  msi: { perMachine: boolean; upgradeCode: string };
  linux: { target: string[] };
}

const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
// why: the shape is what this test asserts, field by field; a missing field fails the expectation that reads it
const config = yaml.load(text) as PackagingConfig;
// why: package.json is JSON we write ourselves
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('is accepted by electron-builder 26 as it stands (an unknown or misplaced option fails the build)', async () => {
    // why: electron-builder's own loader and JSON-schema check, the first thing `electron-builder` runs
    const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<unknown>;
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    // why: as above, builder-util comes with electron-builder
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const loaded = await getConfig(root, 'electron-builder.yml', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000); // why: loading electron-builder's schema takes seconds on a busy machine

  it('sets every fuse: no RunAsNode, no NODE_OPTIONS, no --inspect, checked ASAR only, encrypted cookies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('builds a per-user NSIS installer and a per-machine MSI for Windows, AppImage and deb for Linux', () => {
    expect(config.win.target).toEqual(['nsis', 'msi']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.msi.perMachine).toBe(true);
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('points Windows updates at the internal URL IT sets, over the generic provider, and nothing else at any feed', () => {
    expect(config.win.publish).toEqual({ provider: 'generic', url: '${env.KREDSLOB_UPDATE_URL}' });
    expect(config.publish).toBeNull();
  });

  it('packs the built main process and UI, without source maps', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map']));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('ships pdfmake and its fonts, which the PDF worker loads at run time, and the updater', () => {
    // electron-builder packs production dependencies (not devDependencies) unless files excludes them
    expect(Object.keys(pkg.dependencies)).toEqual(expect.arrayContaining(['pdfmake', 'electron-updater']));
    for (const pattern of config.files.filter((p) => p.startsWith('!'))) expect(pattern).toMatch(/\.map$/);
    for (const font of ['Roboto-Regular.ttf', 'Roboto-Medium.ttf']) {
      expect(fs.existsSync(require.resolve(`pdfmake/fonts/Roboto/${font}`))).toBe(true);
    }
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });

  it('ships sharp (device photos) with its native libvips binaries unpacked from the asar, loaded from node_modules rather than bundled', () => {
    expect(Object.keys(pkg.dependencies)).toContain('sharp');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/sharp/**', 'node_modules/@img/**']));
    // The binary of this machine's platform is where the unpacked pattern covers it.
    const binary = fs.readdirSync(path.join(root, 'node_modules', '@img')).filter((name) => name.startsWith('sharp-'));
    expect(binary.length).toBeGreaterThan(0);
    const build = fs.readFileSync(path.join(root, 'scripts', 'build.mjs'), 'utf8');
    expect(build).toMatch(/const NATIVE = \['sharp'\]/);
    expect(build).toMatch(/external: \['electron', \.\.\.NATIVE\]/);
    expect(build).toMatch(/external: NATIVE/);
  });

  it('npm run dist builds the app, then the installers of the OS it runs on', () => {
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });
});
