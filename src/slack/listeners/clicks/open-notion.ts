import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';

/** *Open in Notion* is a link button: Slack opens the page, and still expects the click acknowledged. */
export function openNotionClicked() {
  return async ({ ack }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs): Promise<void> => {
    await ack();
  };
}
