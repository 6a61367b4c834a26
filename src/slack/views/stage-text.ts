import type { Audience } from '../../domain/permissions.js';
import { RESTING_STAGES, stageOf } from '../../domain/stages.js';
import type { Partner } from '../../domain/types.js';
import { formatDate, formatSpan } from '../../i18n/format.js';
import type { Catalogue, Lang } from '../../i18n/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';

/**
 * Where an adhesion stands and for how long ("legal review for 3 weeks"), as `pending`, the card,
 * the Home tab, the reminder and the digest say it. Another organisation reads neutral words: a
 * pause or a refusal reads "adhesion in progress", and no reason is given.
 */
export function stageText(partner: Partner, lang: Lang, t: Catalogue, today: string, audience: Audience): string {
  const stage = stageOf(partner);
  if (!stage) return t.stages.unknown;
  const hidden = audience === 'public' && RESTING_STAGES.includes(stage.name);
  const name = hidden ? t.stages.inProgress : t.stages.name[stage.name];
  const span = formatSpan(stage.since, today, lang);
  return [
    span ? t.stages.lasting(name, span) : t.stages.sinceToday(name),
    stage.name === 'signing_scheduled' && stage.on ? t.stages.signingOn(formatDate(stage.on, lang)) : '',
    audience === 'internal' && stage.reason ? t.stages.reason(escapeMrkdwn(stage.reason)) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
