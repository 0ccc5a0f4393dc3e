import fs from 'node:fs';
import os from 'node:os';

// CPU time of the processes a run involves, read from /proc (Linux), so a run can say where each
// request's time went: in the server, in PostgreSQL (every `postgres` process on the machine), or
// in the load generator (this process). Elsewhere it reports nothing.

const TICK_MS = 1000 / 100; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields count from after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0; // the process ended between listing and reading
  }
}

function postgresTicks(): number {
  let sum = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') sum += ticksOf(Number(entry));
    } catch {
      // gone
    }
  }
  return sum;
}

export interface CpuSample {
  server: number;
  postgres: number;
  loadGenerator: number;
}

export interface CpuPerRequest {
  /** Milliseconds of CPU per request. */
  server: number;
  postgres: number;
  loadGenerator: number;
}

export function sampleCpu(serverPid: number | undefined): CpuSample | null {
  if (os.platform() !== 'linux' || !serverPid) return null;
  const own = process.cpuUsage();
  return {
    server: ticksOf(serverPid) * TICK_MS,
    postgres: postgresTicks() * TICK_MS,
    loadGenerator: (own.user + own.system) / 1000,
  };
}

export function cpuPerRequest(
  before: CpuSample | null,
  after: CpuSample | null,
  requests: number,
): CpuPerRequest | undefined {
  if (!before || !after || requests === 0) return undefined;
  const per = (a: number, b: number) => Math.round(((b - a) / requests) * 100) / 100;
  return {
    server: per(before.server, after.server),
    postgres: per(before.postgres, after.postgres),
    loadGenerator: per(before.loadGenerator, after.loadGenerator),
  };
}
