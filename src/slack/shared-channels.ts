import type { WebClient } from '@slack/web-api';
import { audienceOfChannel, type Audience } from '../domain/permissions.js';

/** A channel is looked up at most once a minute; channel_shared / channel_unshared events update it meanwhile. */
const CACHE_MS = 60 * 1000;

interface Entry {
  /** Undefined while unknown (the lookup failed): the public view. */
  shared: Promise<boolean | undefined>;
  until: number;
}

/**
 * Whether a channel is shared with other organisations (Slack Connect), from conversations.info's
 * `is_ext_shared`: what decides the view of posts everyone in the channel reads.
 */
export class SharedChannels {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly client: WebClient, private readonly clock: () => number = Date.now) {}

  async audienceOf(channelId: string): Promise<Audience> {
    let entry = this.cache.get(channelId);
    if (!entry || entry.until <= this.clock()) {
      // The promise is kept, so requests arriving together share one lookup; a failure is kept a minute too.
      entry = { shared: this.lookUp(channelId), until: this.clock() + CACHE_MS };
      this.cache.set(channelId, entry);
    }
    return audienceOfChannel(await entry.shared);
  }

  /** channel_shared / channel_unshared: what the event says is fresher than any lookup. */
  noteShared(channelId: string, isExtShared: boolean): void {
    this.cache.set(channelId, { shared: Promise.resolve(isExtShared), until: this.clock() + CACHE_MS });
  }

  private async lookUp(channelId: string): Promise<boolean | undefined> {
    try {
      const result = await this.client.conversations.info({ channel: channelId });
      const shared = (result.channel as { is_ext_shared?: boolean } | undefined)?.is_ext_shared;
      return typeof shared === 'boolean' ? shared : undefined;
    } catch {
      return undefined;
    }
  }
}
