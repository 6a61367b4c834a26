import { moveToStage } from '../../domain/adhesion.js';
import { matchPartner } from '../../domain/partner-match.js';
import { parseStageArguments } from '../../domain/stage-command.js';
import { SIGNED_STAGES, stageOf } from '../../domain/stages.js';
import { adhesionStages, type Partner } from '../../domain/types.js';
import { formatDate } from '../../i18n/format.js';
import type { Reply } from '../blocks.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { messageView } from '../views/message-view.js';
import { partnerNotFoundView, partnerSeveralView } from '../views/partner-matches-view.js';
import { stageText } from '../views/stage-text.js';
import type { CommandContext, CorridorCommand } from './command.js';
import { refusal } from './modal-command.js';

/** `/corridor stage venture lab legal review`: a coordinator moves an adhesion to a stage, dated. */
export const stageCommand: CorridorCommand = {
  name: 'stage',
  aliases: ['stages', 'step'],
  frenchAliases: ['etape', 'etapes'],
  forCoordinators: true,
  help: (t) => t.commands.stage,
  async run(args, context) {
    const { t, today, isAdmin } = context;
    if (!isAdmin) return refusal(context);
    const request = parseStageArguments(args, today);
    if (request.kind === 'incomplete') return messageView(t.stageCommand.incomplete);
    if (request.kind === 'unknownStage') {
      return messageView(t.stageCommand.unknownStage(escapeMrkdwn(request.typed), adhesionStages.map((name) => t.stages.name[name]).join(', ')));
    }
    const [partners, people] = await Promise.all([context.store.partners.list(), context.store.people.list()]);
    const match = matchPartner(request.partnerQuery, partners, people);
    if (match.kind === 'many') return partnerSeveralView(request.partnerQuery, match.partners, t);
    if (match.kind === 'none') return partnerNotFoundView(request.partnerQuery, match.suggestion, t, { canAdd: true });
    const { partner } = match;
    const refused = refusedMove(partner, request, context);
    if (refused) return refused;
    const date = request.date ?? today;
    const saved = await context.store.partners.save(moveToStage(partner, { stage: request.stage, date, today, reason: request.reason }), {
      actor: context.userId,
      expectedVersion: partner.version,
      now: context.now,
    });
    return messageView(t.stageCommand.moved(escapeMrkdwn(saved.name), stageText(saved, context.lang, t, today, 'internal')));
  },
};

/** What a stage move cannot be: a signing with no date, a stage reached in the future, a step back from signed. */
function refusedMove(partner: Partner, request: { stage: string; date: string | undefined }, { t, lang, today }: CommandContext): Reply | undefined {
  const name = escapeMrkdwn(partner.name);
  if (request.stage === 'signing_scheduled') return request.date ? undefined : messageView(t.stageCommand.needsSigningDate(name));
  if (request.date && request.date > today) return messageView(t.stageCommand.notYet(formatDate(request.date, lang)));
  const current = stageOf(partner);
  const signed = partner.status === 'signatory' || (current !== undefined && SIGNED_STAGES.includes(current.name));
  if (signed && request.stage !== 'announced' && request.stage !== 'signed') return messageView(t.stageCommand.alreadySigned(name));
  return undefined;
}
