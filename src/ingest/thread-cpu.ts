// CPU time of the calling thread, for timings that mean something on a shared machine (wall time there
// includes waiting for a core). Linux keeps it in /proc/thread-self/schedstat (nanoseconds on a CPU);
// the file is opened once per thread (each worker thread loads this module anew) and read in place.
import { openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';

let fd: number | null | undefined;
const buf = Buffer.alloc(64);

/** Milliseconds this thread has run on a CPU, or null where the system does not say. */
export function threadCpuMs(): number | null {
  if (fd === undefined) {
    try {
      fd = openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      fd = null;
    }
  }
  if (fd === null) return null;
  try {
    const n = readSync(fd, buf, 0, buf.length, 0);
    const ns = Number(buf.toString('latin1', 0, n).split(' ', 1)[0]);
    return Number.isFinite(ns) ? ns / 1e6 : null;
  } catch {
    return null;
  }
}

/** A stopwatch over wall time and this thread's CPU time (ms), summed over the spans it times. */
export function createSpanClock() {
  let wall = 0;
  let cpu = 0;
  let cpuKnown = true;
  return {
    start(): { wall: number; cpu: number | null } {
      return { wall: performance.now(), cpu: threadCpuMs() };
    },
    stop(t: { wall: number; cpu: number | null }): void {
      wall += performance.now() - t.wall;
      const c = threadCpuMs();
      if (c === null || t.cpu === null) cpuKnown = false;
      else cpu += c - t.cpu;
    },
    get wallMs() {
      return wall;
    },
    /** null when the thread's CPU time is not available. */
    get cpuMs() {
      return cpuKnown ? cpu : null;
    },
  };
}

/** The kernel's id of the calling thread (Linux), or null: lets a process tell its worker threads from V8's helpers. */
export function threadTid(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) ? tid : null;
  } catch {
    return null;
  }
}

/**
 * CPU milliseconds of every live thread of this process by kernel thread id (Linux; empty elsewhere).
 * Threads that ended are not listed (their time stays in process.cpuUsage()).
 */
export function processThreadsCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const t of tids) {
    try {
      const ns = Number(readFileSync(`/proc/self/task/${t}/schedstat`, 'latin1').split(' ', 1)[0]);
      if (Number.isFinite(ns)) out.set(Number(t), ns / 1e6);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}
