/** The kinds of request Slack sends, as the metrics count them. */
export type RequestKind = 'command' | 'action' | 'view' | 'event' | 'options' | 'shortcut' | 'unknown';

type Body = Record<string, unknown>;

/** Classifies a parsed body the way Bolt routes it (see getTypeAndConversation in Bolt's helpers). */
export function requestKind(body: Body): RequestKind {
  if (body.event !== undefined) return 'event';
  if (body.command !== undefined) return 'command';
  if (body.name !== undefined || body.type === 'block_suggestion') return 'options';
  if (body.actions !== undefined || body.type === 'dialog_submission') return 'action';
  if (body.type === 'shortcut' || body.type === 'message_action') return 'shortcut';
  if (body.type === 'view_submission' || body.type === 'view_closed') return 'view';
  return 'unknown';
}

/** A short, bounded label of what a request is, for logging a payload nobody handled. */
export function requestLabel(body: Body): string {
  const kind = requestKind(body);
  const detail = kind === 'event' ? eventType(body) : body.type;
  return `${kind} ${typeof detail === 'string' ? detail.slice(0, 60) : '(no type)'}`;
}

/** Events API callbacks carry an event_id that stays the same when Slack retries them. */
export function eventId(body: Body): string | undefined {
  return body.event !== undefined && typeof body.event_id === 'string' ? body.event_id : undefined;
}

function eventType(body: Body): unknown {
  const event = body.event;
  return typeof event === 'object' && event !== null ? (event as Body).type : undefined;
}
