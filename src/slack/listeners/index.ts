import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { corridorCommandListener } from './commands/corridor-command.js';

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command('/corridor', corridorCommandListener(deps));
}
