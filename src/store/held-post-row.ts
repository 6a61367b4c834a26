import type { JobName } from '../domain/periods.js';
import type { HeldPost } from './run-ledger.js';

/* The held posts' two statements, the same on both databases ($1, $2 become named parameters in SQLite). */

/** Of the posts of a job held to the same instant ($1 job, $2 due), all but the latest period give way to it. */
export const GIVE_WAY = `UPDATE held_posts SET given_way_to = latest.period
  FROM (SELECT MAX(period) AS period FROM held_posts WHERE job = $1 AND due_at = $2) AS latest
  WHERE held_posts.job = $1 AND held_posts.due_at = $2 AND held_posts.given_way_to IS NULL
    AND held_posts.period < latest.period`;

/** Held posts due since $1 that are still to send: neither settled nor given way, their period neither done nor skipped. */
export const HELD_POSTS = `SELECT held_posts.* FROM held_posts
  LEFT JOIN job_runs ON job_runs.job = held_posts.job AND job_runs.period = held_posts.period
  WHERE held_posts.settled_at IS NULL AND held_posts.given_way_to IS NULL AND held_posts.due_at >= $1
    AND (job_runs.state IS NULL OR job_runs.state IN ('claimed', 'failed'))
  ORDER BY held_posts.due_at, held_posts.job`;

/** Marks a held post ($1 job, $2 period) sent, at $3. */
export const SETTLE_HELD = `UPDATE held_posts SET settled_at = $3 WHERE job = $1 AND period = $2 AND settled_at IS NULL`;

/** A held_posts row as both databases return it (timestamps as ISO text or Date). */
export interface HeldPostRow {
  job: string;
  period: string;
  due_at: string | Date;
  held_by: string;
  held_at: string | Date;
}

export function heldPostFromRow(row: HeldPostRow): HeldPost {
  return { job: row.job as JobName, period: row.period, dueAt: new Date(row.due_at), heldBy: row.held_by, heldAt: new Date(row.held_at) };
}
