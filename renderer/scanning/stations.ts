/**
 * The scan stations, one entry each. A station may offer "undo last scan" only where its action has an inverse
 * in the lifecycle: a move is taken back by moving back, a stock-take scan by taking the tag off the count
 * (adding to an e-waste batch, by taking the device out again). Check-in and hand-over have none: they are
 * corrected on the device page. The undo button and its shortcut come from here, never from a screen's own if.
 */
export interface StationDef {
  /** Whether the station offers to take its last scan back (its scans then carry their inverse). */
  undo: boolean;
}

export const STATIONS = {
  checkIn: { undo: false },
  handOver: { undo: false },
  move: { undo: true },
  stockTake: { undo: true },
  batch: { undo: true },
} as const satisfies Record<string, StationDef>;

export type StationId = keyof typeof STATIONS;
