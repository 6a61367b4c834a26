import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const schemaDir = new URL('./support/slack-manifest-schema/', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, schemaDir), 'utf8'));

function manifestValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // ajv-formats is CommonJS: its function is the default export's `default`.
  formats.default(ajv);
  return ajv.compile(readJson('manifest.schema.1.0.0.json') as object);
}

describe('manifest.yml', () => {
  const validate = manifestValidator();
  const manifest = parse(readFileSync(new URL('../manifest.yml', import.meta.url), 'utf8'));

  it('is accepted by Slack’s official manifest schema', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('uses a schema that does reject a bad manifest', () => {
    expect(validate(readJson('manifest.valid.json'))).toBe(true);
    expect(validate(readJson('manifest.invalid.json'))).toBe(false);
  });

  it('declares the /corridor command with a usage hint, and only the scopes the app uses', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/corridor']);
    expect(manifest.features.slash_commands[0].usage_hint).toMatch(/partners/);
    // The history scopes let a retried scheduled post look for itself in the channel before posting again;
    // users:read.email finds an action item's owner set in Notion;
    // the read scopes tell channels shared with other organisations (conversations.info, channel_shared);
    // im:write opens each person's direct messages for their nudges, im:history looks there before sending again;
    // files:write shares the monthly report's PDF, and the files of /corridor report and export.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'channels:history',
      'channels:read',
      'chat:write',
      'commands',
      'files:write',
      'groups:history',
      'groups:read',
      'im:history',
      'im:write',
      'users:read',
      'users:read.email',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'channel_shared', 'channel_unshared']);
  });
});
