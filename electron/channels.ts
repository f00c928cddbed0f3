/** The IPC channel names, shared by main (ipc.ts) and the preload. No imports: the preload bundles this. */
export const INVOKE_CHANNEL = 'kredslob:invoke';
export const EVENT_CHANNEL = 'kredslob:event';
/** A file procedure's file, saved where the person picks in a save dialog (save-file.ts); progress comes on EVENT_CHANNEL. */
export const SAVE_FILE_CHANNEL = 'kredslob:save-file';
