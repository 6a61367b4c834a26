/** Slack's error code of a failed Web API call (`missing_scope`, `not_allowed_token_type`), or the failure's own code. */
export function slackErrorCode(error: unknown): string | undefined {
  const { data, code } = error as { data?: { error?: unknown }; code?: unknown };
  if (typeof data?.error === 'string') return data.error;
  return typeof code === 'string' ? code : undefined;
}

/** One log line's worth: the code, then the first line of the message. */
export function describeSlackError(error: unknown): string {
  const code = slackErrorCode(error);
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  return code ? `${code} (${message})` : message;
}
