/**
 * A handheld scanner works wherever the focus is. One wedge listener for the signed-in app: on a scan station
 * the scan runs the station's action through its queue; anywhere else it opens the scanned device. Station
 * queues live here, for the session, so unacknowledged failures are still there after a look at a device page.
 */
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { client } from '../api/instance';
import { useT } from '../i18n';
import { devicePath, navigate } from '../router';
import { AnywhereScanFailures } from './AnywhereScanFailures';
import { ScanQueue } from './scan-queue';
import { scanFailureText, wasNotSent } from './scan-failure';
import type { StationId } from './stations';
import { useReadTag } from './scanned-tag';
import { playTone } from './tones';
import { isTextEntry, listenForScans } from './wedge-listener';


/** What a mounted scan station does with a scan from outside its tag field. */
export interface StationHandle {
  /** `text` as scanned (a tag, or a wrong code read by the scanner). */
  scan(text: string): void;
}

interface Scanner {
  stationQueue(id: StationId): ScanQueue;
  /** The mounted station, if any; set by useStationScans. */
  station: { current: StationHandle | undefined };
}

const ScannerContext = createContext<Scanner | undefined>(undefined);

function useScanner(): Scanner {
  const s = useContext(ScannerContext);
  if (!s) throw new Error('scanning outside ScannerProvider');
  return s;
}

export function ScannerProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const readTag = useReadTag();
  const tNow = useRef(t);
  tNow.current = t;

  const scanner = useMemo(() => {
    const newQueue = () =>
      new ScanQueue({
        failureText: (e, label) => scanFailureText(e, label, tNow.current),
        onEnded: (item) => playTone(item.state === 'done' ? 'ok' : 'failed'),
        notSent: wasNotSent,
      });
    const queues = new Map<StationId, ScanQueue>();
    const station: Scanner['station'] = { current: undefined };
    return {
      station,
      anywhere: newQueue(),
      stationQueue(id: StationId) {
        let q = queues.get(id);
        if (!q) queues.set(id, (q = newQueue()));
        return q;
      },
    } satisfies Scanner & { anywhere: ScanQueue };
  }, []);

  useEffect(
    () =>
      listenForScans(document, {
        readTag,
        // why: at a station a wrong code read while no text field has focus is a failed scan to report;
        // in a text field it may be what the person meant to type (a serial number into the search box)
        takeOtherBurst: ({ target }) => scanner.station.current !== undefined && !isTextEntry(target),
        onScan: ({ tag, text }) => {
          const station = scanner.station.current;
          if (station) station.scan(tag ?? text);
          else if (tag) {
            scanner.anywhere.add(tag, async () => {
              const { device } = await client.call('devices.get', { assetTag: tag });
              navigate(devicePath(device.id));
              return { text: device.assetTag, deviceId: device.id };
            });
          }
        },
      }),
    [scanner, readTag],
  );

  return (
    <ScannerContext.Provider value={scanner}>
      {children}
      <AnywhereScanFailures queue={scanner.anywhere} />
    </ScannerContext.Provider>
  );
}

/** This session's queue for a station (kept while the person visits other pages). */
export function useStationQueue(id: StationId): ScanQueue {
  return useScanner().stationQueue(id);
}

/** Registers the mounted station for scans made while the focus is outside its tag field. */
export function useStationScans(handle: StationHandle): void {
  const { station } = useScanner();
  useEffect(() => {
    station.current = handle;
    return () => {
      if (station.current === handle) station.current = undefined;
    };
  }, [station, handle]);
}
