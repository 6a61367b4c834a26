/**
 * Escapes text for Slack mrkdwn. Slack only needs &, < and > escaped: with them neutralised,
 * `<!channel>`, `<!here>` and `<@U…>` typed by a user can neither ping anyone nor become links.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Mentions a Slack user by ID (the ID is validated by the domain schemas). */
export function mentionUser(userId: string): string {
  return `<@${userId}>`;
}

export function link(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}
