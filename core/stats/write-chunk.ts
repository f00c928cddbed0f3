/** Writing to a stream at the pace it takes: the file never piles up in memory ahead of a slow disk or client. */
import type { Writable } from 'node:stream';

/** Writes `chunk`, then waits for the sink to drain if its buffer is full; rejects if the sink fails or closes. */
export function writeChunk(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.reject(new Error('The file could not be written: its stream is closed'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', onDrain);
      out.off('error', done);
      out.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error('The file could not be written: its stream closed'));
    out.on('drain', onDrain);
    out.on('error', done);
    out.on('close', onClose);
  });
}
