import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * This process among the replicas: host, pid and a random tag, so that a restarted container that
 * got the same host name and pid is not mistaken for its dead predecessor.
 */
export const REPLICA_ID = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

export interface ParsedReplicaId {
  host: string;
  pid: number;
  tag: string;
}

export function parseReplicaId(id: string): ParsedReplicaId | undefined {
  const match = /^(.*):(\d+):([0-9a-f]+)$/.exec(id);
  return match ? { host: match[1]!, pid: Number(match[2]), tag: match[3]! } : undefined;
}

/**
 * Whether the process named by `id` is known to be gone: it ran on this host and its pid is no
 * longer alive, or is this very process under another tag (a predecessor whose pid was reused).
 * Another host's process is never known to be gone: its lease tells.
 */
export function isGoneOnThisHost(id: string, self = REPLICA_ID): boolean {
  const other = parseReplicaId(id);
  const me = parseReplicaId(self);
  if (!other || !me || other.host !== me.host || id === self) return false;
  if (other.pid === me.pid) return true;
  try {
    process.kill(other.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
