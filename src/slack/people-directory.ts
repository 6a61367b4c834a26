import { WebClient } from '@slack/web-api';
import type { Config } from '../config/env.js';
import type { PeopleDirectory } from '../notion/sync-types.js';
import { apiClientOptions } from './slack-clients.js';

/** Slack users by e-mail (`users.lookupByEmail`, scope users:read.email), for owners set in Notion. */
export function slackPeopleDirectory(client: WebClient): PeopleDirectory {
  return {
    async slackUserByEmail(email) {
      try {
        const found = await client.users.lookupByEmail({ email });
        return found.user?.id ?? null;
      } catch (error) {
        // No such user is an answer; anything else (a token refused, Slack down) is a failure.
        if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
        throw error;
      }
    },
  };
}

/** The directory of the configured workspace, or undefined without a bot token (owners are then reported). */
export function peopleFromConfig(config: Config): PeopleDirectory | undefined {
  return config.SLACK_BOT_TOKEN ? slackPeopleDirectory(new WebClient(config.SLACK_BOT_TOKEN, apiClientOptions(config))) : undefined;
}
