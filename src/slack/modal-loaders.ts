import type { ModalView } from '@slack/types';
import type { ActionItem, CorridorEvent, CorridorProfile, Partner, Person } from '../domain/types.js';
import { catalogue, type Lang } from '../i18n/index.js';
import type { CorridorStore } from '../store/corridor-store.js';
import { aboutModal } from './views/modals/about-modal.js';
import { actionModal, actionStatusModal, type ActionModalInput } from './views/modals/action-item-modal.js';
import { eventModal } from './views/modals/event-modal.js';
import { partnerModal } from './views/modals/partner-modal.js';
import { personModal } from './views/modals/person-modal.js';

/** Builds each modal with the data its pickers need; shared by commands, buttons and "Edit again". */

export async function partnerModalFor(lang: Lang, partner?: Partner, name?: string): Promise<ModalView> {
  return partnerModal({ partner, name, lang, t: catalogue(lang) });
}

export async function personModalFor(store: CorridorStore, lang: Lang, person?: Person, name?: string): Promise<ModalView> {
  const partners = await store.partners.list({ includeRemoved: true });
  return personModal({ person, partners, name, lang, t: catalogue(lang) });
}

export async function eventModalFor(store: CorridorStore, lang: Lang, timeZone: string, event?: CorridorEvent): Promise<ModalView> {
  const [partners, people] = await Promise.all([store.partners.list({ includeRemoved: true }), store.people.list({ includeRemoved: true })]);
  return eventModal({ event, partners, people, timeZone, lang, t: catalogue(lang) });
}

export async function actionModalFor(store: CorridorStore, lang: Lang, item?: ActionItem, fromMessage?: ActionModalInput['fromMessage']): Promise<ModalView> {
  const [partners, tracks] = await Promise.all([store.partners.list({ includeRemoved: true }), store.listTracks()]);
  return actionModal({ item, partners, tracks, lang, t: catalogue(lang), fromMessage });
}

export function actionStatusModalFor(lang: Lang, item: ActionItem): ModalView {
  return actionStatusModal({ item, lang, t: catalogue(lang) });
}

export function aboutModalFor(lang: Lang, profile: CorridorProfile): ModalView {
  return aboutModal({ profile, lang, t: catalogue(lang) });
}
