/**
 * One owner per data folder: `kredslob.lock` names the owning process. A lock whose owner is gone (a
 * killed process, one that has exited but is not yet reaped, or a pid now used by another program) is
 * taken over; the takeover is atomic, so two processes finding the same stale lock cannot both win.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import { writePrivateFileSync } from './private-files';

const LOCK_NAME = 'kredslob.lock';

interface Owner {
  pid: number;
  /** The process's start time as the OS counts it (Linux: /proc/<pid>/stat field 22), when known. */
  started: string | null;
  token: string;
}

/**
 * Locks this process holds, by folder: a second open in the same process is refused too. Kept on the
 * process (not the module), so two copies of this module in one process (two bundles) still agree.
 */
const HELD = Symbol.for('kredslob.store.locks');
const held: Map<string, string> = ((globalThis as Record<symbol, unknown>)[HELD] as Map<string, string> | undefined) ??
  ((globalThis as Record<symbol, unknown>)[HELD] = new Map<string, string>()) as Map<string, string>; // why: one registry per process

/** The fields of /proc/<pid>/stat after the command name (Linux), or null where there is none. */
export function procStat(pid: number): string[] | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // why: the command name (field 2) may contain spaces; fields after its closing parenthesis are fixed
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: the process's start time, which a later process with the same pid does not share. */
function processStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

function alive(owner: Owner, dir: string): boolean {
  if (owner.pid === process.pid) return held.get(dir) === owner.token;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    // why: EPERM means the process exists but belongs to someone else
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  // Field 3, the state: Z (zombie) or X (dead) is a process that has exited and only waits to be
  // collected by its parent; it still answers kill(pid, 0) but holds nothing.
  if (stat && (stat[0] === 'Z' || stat[0] === 'X')) return false;
  // The pid is in use; on Linux also check it is the same process and not a later one with a reused pid.
  const started = stat?.[19] ?? null;
  return owner.started === null || started === null || started === owner.started;
}

function readOwner(file: string): Owner | null {
  try {
    const text = fs.readFileSync(file, 'utf8');
    const parsed = JSON.parse(text) as Partial<Owner>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, started: parsed.started ?? null, token: String(parsed.token ?? '') };
  } catch {
    // A lock file that cannot be read or parsed (an older format, or cut short) has no live owner we can name.
    const pid = Number.parseInt(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', 10);
    return Number.isFinite(pid) ? { pid, started: null, token: '' } : null;
  }
}

export function acquireLock(dir: string): () => void {
  const resolved = path.resolve(dir);
  const file = path.join(resolved, LOCK_NAME);
  const me: Owner = { pid: process.pid, started: processStart(process.pid), token: randomBytes(12).toString('hex') };
  for (let attempt = 0; attempt < 5; attempt++) {
    // Write the whole lock to a private file, then link it into place: the lock appears complete or not at all.
    const tmp = `${file}.${me.token}.tmp`;
    writePrivateFileSync(tmp, JSON.stringify(me));
    try {
      fs.linkSync(tmp, file);
      fs.rmSync(tmp, { force: true });
      held.set(resolved, me.token);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.delete(resolved);
        if (readOwner(file)?.token === me.token) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (owner && alive(owner, resolved)) {
      throw new AppError('STORE_LOCKED', { dir: resolved }, `Data folder ${resolved} is locked by process ${owner.pid}`);
    }
    // Stale: move it aside atomically (only one contender's rename succeeds), then try again. If what we
    // moved is not the stale lock we judged (another contender took over in between), put it back.
    const aside = `${file}.stale-${me.token}`;
    try {
      fs.renameSync(file, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      continue;
    }
    const moved = readOwner(aside);
    if (owner && moved && moved.token !== owner.token) {
      try {
        fs.linkSync(aside, file);
      } catch {
        // why: a third lock appeared meanwhile; it is the live one
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw new AppError('STORE_LOCKED', { dir: resolved }, `Could not lock ${resolved}`);
}

/**
 * The pid of the live process that has `dir` open, or null when none has (no lock, or a stale one): for
 * restore, and for a reader that must not write a lock file of its own (verify-trail changes no byte).
 */
export function lockHolder(dir: string): number | null {
  const resolved = path.resolve(dir);
  const owner = readOwner(path.join(resolved, LOCK_NAME));
  return owner && alive(owner, resolved) ? owner.pid : null;
}
