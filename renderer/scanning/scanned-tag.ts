/**
 * What an asset tag looks like when it is scanned: the one predicate every scan path asks (the wedge listener,
 * the scan stations, the camera, opening a device from anywhere). Either label payload form is accepted (the
 * bare tag or kredslob://device/KK-0001234, shared/labels/payload.ts). Returns the tag, or undefined.
 */
import { tagFromScan } from '../../shared/labels/payload';

export type ReadTag = (text: string) => string | undefined;

export const readScannedTag: ReadTag = (text) => tagFromScan(text).tag;
