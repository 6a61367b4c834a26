import type { ChannelFile, ChannelMessage, Poster } from '../../src/jobs/slack-poster.js';

/** A poster that takes every message (the time it went out recorded): the schedule's tests read what went where and when. */
export function recordingPoster(): { poster: Poster; posted: (ChannelMessage & { at: string })[]; uploaded: ChannelFile[] } {
  const posted: (ChannelMessage & { at: string })[] = [];
  const uploaded: ChannelFile[] = [];
  const poster: Poster = {
    post: async (message) => {
      posted.push({ ...message, at: new Date().toISOString() });
      return { ok: true, channel: message.channel, ts: `${posted.length}.000001` };
    },
    audienceOf: async () => 'internal' as const,
    findPosted: async () => ({ ok: true, ts: undefined }),
    findReplies: async () => ({ ok: true, parts: [] }),
    openDirectMessage: async (userId) => ({ ok: true, channel: `D${userId.slice(1)}` }),
    upload: async (file) => {
      uploaded.push(file);
      return { ok: true, channel: file.channel };
    },
  };
  return { poster, posted, uploaded };
}
