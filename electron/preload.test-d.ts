/**
 * Type test, checked by the build (`tsc` in `npm run lint`): the preload's bridge has the shape the renderer
 * calls on window.kredslob. The `@ts-expect-error` line proves the check bites.
 */
import type { KredslobBridge } from '../renderer/api/transport';
import type { PreloadBridge } from './preload';

export const preloadFitsRenderer: KredslobBridge = {} as PreloadBridge;

// @ts-expect-error a bridge without `on` is not what the renderer expects
export const bridgeWithoutOn: KredslobBridge = {} as Omit<PreloadBridge, 'on'>;
