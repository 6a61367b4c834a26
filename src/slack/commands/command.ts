import type { ModalView } from '@slack/types';
import type { Logger, WebClient } from '@slack/web-api';
import type { Catalogue } from '../../i18n/index.js';
import type { NotionSyncAccess } from '../../notion/sync-access.js';
import type { CorridorStore } from '../../store/corridor-store.js';
import type { Asker } from '../asker.js';
import type { CalendarConfig } from '../../http/calendar-links.js';
import type { Reply } from '../blocks.js';

/** Everything a subcommand may use; built once per request by the dispatcher. */
export interface CommandContext extends Asker {
  store: CorridorStore;
  timeZone: string;
  admins: readonly string[];
  /** The Notion sync, for `/corridor sync`; absent where the app was started without it. */
  notion?: NotionSyncAccess;
  /** PUBLIC_URL and CALENDAR_FEED_KEY, for *Add to calendar* links; none when absent. */
  calendar?: CalendarConfig;
  /** Present when the command came from Slack (absent in the local console): modals need it. */
  slack?: {
    client: WebClient;
    triggerId: string;
    channelId: string;
    /** Acknowledges the command, then opens the modal; on failure the user reads `failureText`. */
    openModal(build: () => Promise<ModalView> | ModalView, failureText: string): Promise<void>;
    /**
     * A later answer (after the acknowledgement), ephemeral through the command's response_url: it
     * reaches the user in a DM or a channel the bot has not joined. Never rejects; a failure is logged.
     */
    respondLater(reply: Reply): Promise<void>;
    /** For what fails after the acknowledgement (an upload): the user is told, the operator reads why. */
    logger: Pick<Logger, 'warn'>;
  };
}

/** One help line: what anyone may do, and what coordinators may do besides (`partner add`), listed to them only. */
export interface HelpLine {
  usage: string;
  description: string;
  examples?: readonly string[];
}

export interface CommandHelp extends HelpLine {
  manage?: HelpLine;
}

export interface CorridorCommand {
  /** Canonical English name, shown in help. */
  name: string;
  /** Other accepted names, lowercase without accents, that an English reader may type too (`card`, `?`). */
  aliases: readonly string[];
  /**
   * Names only a French speaker types (`partenaire`, `attente`), lowercase without accents: without
   * `--fr` or `--en`, they answer in French whatever the Slack locale, as `/corridor aide` promises.
   */
  frenchAliases: readonly string[];
  /** Usage, description and examples (e.g. `partner c2mi`, `partenaire c2mi`) for the help, from the catalogue. */
  help(t: Catalogue): CommandHelp;
  /** Hidden commands work but are not listed in the help. */
  hidden?: boolean;
  /** The whole command is the coordinators' (`sync`): the help lists it to them only. */
  forCoordinators?: boolean;
  /** Returns the ephemeral reply; undefined when the command answered otherwise (e.g. opened a modal). */
  run(args: string, context: CommandContext): Promise<Reply | undefined>;
}
