/** The two IPC channel names, shared by main (ipc.ts) and the preload. No imports: the preload bundles this. */
export const INVOKE_CHANNEL = 'kredslob:invoke';
export const EVENT_CHANNEL = 'kredslob:event';
