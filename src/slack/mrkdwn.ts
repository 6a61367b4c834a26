import { CONSOLE_USER_ID } from '../domain/permissions.js';

/**
 * Escapes text for Slack mrkdwn. Slack only needs &, < and > escaped: with them neutralised,
 * `<!channel>`, `<!here>` and `<@U…>` typed by a user can neither ping anyone nor become links.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Mentions a Slack user by ID (the ID is validated by the domain schemas). */
export function mentionUser(userId: string): string {
  // What was done at the local console has no Slack user to mention: "console" in either language.
  return userId === CONSOLE_USER_ID ? 'console' : `<@${userId}>`;
}

export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
