/** One owner per data folder: a lock file holding the owner's pid. A stale lock (dead pid) is taken over. */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

const LOCK_NAME = 'kredslob.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // why: EPERM means the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dir: string): () => void {
  const file = path.join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // why: a lock already removed is what we wanted
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && alive(pid)) {
        throw new AppError('STORE_LOCKED', { dir }, `Data folder ${dir} is locked by process ${pid}`);
      }
      fs.rmSync(file, { force: true }); // stale lock from a killed process
    }
  }
  throw new AppError('STORE_LOCKED', { dir }, `Could not lock ${dir}`);
}
