/**
 * The QR symbol as vector shapes: the `qrcode` package's module matrix, each row's dark modules merged into
 * runs, so a printer draws crisp rectangles instead of scaling a bitmap.
 */
import { create } from 'qrcode';

/** A run of dark modules in one row: `length` modules from (`column`, `row`), in module units. */
export interface ModuleRun {
  row: number;
  column: number;
  length: number;
}

export interface QrSymbol {
  /** Modules per side (21 for version 1), without the quiet zone. */
  size: number;
  runs: ModuleRun[];
}

/**
 * Error correction M (15 % of the symbol may be lost): a scuffed or partly peeled label still reads, and
 * the short payloads stay at version 1 or 2, so the modules stay large on the smallest labels.
 */
export function qrSymbol(text: string): QrSymbol {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const runs: ModuleRun[] = [];
  for (let row = 0; row < modules.size; row++) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const from = column;
      while (column < modules.size && modules.get(row, column)) column++;
      runs.push({ row, column: from, length: column - from });
    }
  }
  return { size: modules.size, runs };
}
