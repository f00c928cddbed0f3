import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The boundary rules live in eslint.config.js; this proves they are switched on for each folder.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('runtime boundaries', () => {
  it('stops the renderer importing Node, Electron or the core', async () => {
    expect(await boundaryErrors('renderer/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await boundaryErrors('renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;")).toHaveLength(1);
    expect(await boundaryErrors('renderer/x.ts', "import { startCore } from '../core/app';\nexport const a = startCore;")).toHaveLength(1);
    expect(await boundaryErrors('renderer/x.ts', "import { contract } from '../shared/contract';\nexport const a = contract;")).toEqual([]);
  });

  it('stops shared/ using Node or the DOM', async () => {
    expect(await boundaryErrors('shared/x.ts', "import path from 'path';\nexport const a = path;")).toHaveLength(1);
    expect(await boundaryErrors('shared/x.ts', 'export const a = () => window.location;')).toHaveLength(1);
    expect(await boundaryErrors('shared/x.ts', "import { startCore } from '../core/app';\nexport const a = startCore;")).toHaveLength(1);
  });

  it('stops the core importing Electron or React', async () => {
    expect(await boundaryErrors('core/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await boundaryErrors('core/x.ts', "import React from 'react';\nexport const a = React;")).toHaveLength(1);
    expect(await boundaryErrors('core/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toEqual([]);
  });
});
