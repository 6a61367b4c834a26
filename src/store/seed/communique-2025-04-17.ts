/**
 * Facts of the press release of 17 April 2025 (communique-2025-04-17.fr.txt beside this file),
 * the corridor's first official meeting. Only what the text states, directly or by what it says
 * of a partner, is recorded: a field the text does not give (a website, a region, a signing date)
 * stays null, except where public knowledge gives it, and then the field carries that source
 * (`sources`). English wording is a translation of the French text, not new information.
 */
import { ABOUT_ID, type ActionItem, type BilingualText, type CorridorEvent, type CorridorProfile, type Draft, type FieldSource, type Partner, type Person, type SectorFigure, type Track } from '../../domain/types.js';

export const SEED_NAME = 'communique-2025-04-17';
/** The meeting the three new partners attended "in order to join shortly". */
const MEETING_DATE = '2025-04-16';

/** A jurisdiction the release does not state, with where it comes from. */
function jurisdictionSource(fr: string, en: string): FieldSource[] {
  return [{ field: 'jurisdiction', source: { fr, en } }];
}

const signatory = {
  status: 'signatory',
  joinedOn: null,
  pendingSince: null,
  stage: null,
  nextStep: null,
  nextStepDueOn: null,
  followUpUserId: null,
  internalNote: null,
  website: null,
} as const;

/** The release's words for the three partners' stage: present "in order to join shortly". */
const intentionSource: FieldSource[] = [
  {
    field: 'stage',
    source: {
      fr: 'communiqué du 17 avril 2025, présents à la rencontre « dans le but d’adhérer prochainement à l’initiative »',
      en: 'press release of 17 April 2025, present at the meeting “in order to join the initiative shortly” (« dans le but d’adhérer prochainement »)',
    },
  },
];

const pending = {
  status: 'pending',
  joinedOn: null,
  pendingSince: MEETING_DATE,
  stage: { name: 'intention_declared', since: MEETING_DATE, on: null, reason: null },
  sources: intentionSource,
  nextStep: {
    fr: 'Confirmer l’adhésion au MOU (annonce attendue dans les prochaines semaines)',
    en: 'Confirm adhesion to the MOU (announcement expected in the coming weeks)',
  },
  // The release gives no date ("dans les prochaines semaines"): none is invented. The reminder
  // flags a next step with no due date once the adhesion has waited longer (see next-step.ts).
  nextStepDueOn: null,
  followUpUserId: null,
  internalNote: null,
  website: null,
} as const;

/**
 * Usual short names of the partners, which the release does not print: each is the organisation's
 * own usage on its website (the source beside it). Lookups find a partner by them.
 */
const usualShortNames: Readonly<Record<string, readonly string[]>> = {
  // https://www.uvm.edu — "UVM"
  'university-of-vermont': ['UVM'],
  // https://accd.vermont.gov — "ACCD"
  'vermont-accd': ['ACCD'],
  // https://www.nheconomy.com — "NH Department of Business and Economic Affairs (BEA)"
  'new-hampshire-bea': ['BEA', 'NH BEA'],
  // https://www.usherbrooke.ca — "UdeS"
  'universite-de-sherbrooke': ['UdeS'],
  // https://www.cpq.qc.ca — "CPQ"
  'conseil-du-patronat-du-quebec': ['CPQ'],
};

const partnersInRelease: Omit<Draft<Partner>, 'aliases'>[] = [
  {
    ...signatory,
    id: 'technum-quebec',
    name: 'Technum Québec',
    officialName: null,
    acronym: null,
    designation: {
      fr: 'Zone d’innovation en électronique et semi-conducteur',
      en: 'Electronics and semiconductor innovation zone',
    },
    kind: 'innovation_zone',
    jurisdiction: 'QC',
  },
  {
    ...signatory,
    id: 'amcham-quebec',
    name: 'AmCham Québec',
    officialName: 'AmCham – section Québec',
    acronym: 'AmCham',
    designation: { fr: 'Section québécoise de l’AmCham', en: 'Québec chapter of AmCham' },
    kind: null,
    jurisdiction: 'QC',
  },
  {
    ...signatory,
    id: 'c2mi',
    name: 'C2MI',
    officialName: null,
    acronym: 'C2MI',
    designation: null,
    kind: null,
    jurisdiction: 'QC',
    sources: jurisdictionSource(
      'connaissance publique (le C2MI est à Bromont, au Québec), non le communiqué',
      'public knowledge (C2MI is in Bromont, Québec), not the press release',
    ),
  },
  {
    ...signatory,
    id: 'distriq',
    name: 'Distriq',
    officialName: null,
    acronym: null,
    designation: { fr: 'Zone d’innovation quantique', en: 'Quantum innovation zone' },
    kind: 'innovation_zone',
    jurisdiction: 'QC',
    sources: jurisdictionSource(
      'connaissance publique (Distriq est à Sherbrooke, au Québec), non le communiqué',
      'public knowledge (Distriq is in Sherbrooke, Québec), not the press release',
    ),
  },
  {
    ...signatory,
    id: 'universite-de-sherbrooke',
    name: 'Université de Sherbrooke',
    officialName: null,
    acronym: null,
    designation: null,
    kind: 'university',
    // Not stated as such: the release, datelined Sherbrooke, holds the meeting "à l'Université de Sherbrooke".
    jurisdiction: 'QC',
    sources: jurisdictionSource(
      'communiqué du 17 avril 2025, daté de Sherbrooke : la rencontre « s’est tenue hier à l’Université de Sherbrooke »',
      'press release of 17 April 2025, datelined Sherbrooke: the meeting “was held yesterday at Université de Sherbrooke”',
    ),
  },
  {
    ...signatory,
    id: 'conseil-du-patronat-du-quebec',
    name: 'Conseil du patronat du Québec',
    officialName: null,
    acronym: null,
    designation: null,
    kind: null,
    jurisdiction: 'QC',
  },
  {
    ...signatory,
    id: 'iseq',
    name: 'ISEQ',
    officialName: 'Pôle d’excellence en systèmes électroniques du Québec',
    acronym: 'ISEQ',
    designation: {
      fr: 'Pôle d’excellence en systèmes électroniques du Québec',
      en: 'Québec centre of excellence in electronic systems',
    },
    kind: 'industry_cluster',
    jurisdiction: 'QC',
  },
  {
    ...signatory,
    id: 'university-of-vermont',
    name: 'University of Vermont',
    officialName: null,
    acronym: null,
    designation: null,
    kind: 'university',
    jurisdiction: 'VT',
  },
  {
    ...signatory,
    id: 'vermont-accd',
    name: 'Vermont Agency of Commerce and Community Development',
    officialName: null,
    acronym: null,
    designation: null,
    kind: 'government_agency',
    jurisdiction: 'VT',
  },
  {
    ...pending,
    id: 'venture-lab',
    name: 'Venture Lab',
    officialName: null,
    acronym: null,
    designation: null,
    kind: null,
    jurisdiction: null,
  },
  {
    ...pending,
    id: 'cmc-microsystems',
    name: 'CMC Microsystems',
    officialName: null,
    acronym: null,
    designation: null,
    kind: null,
    jurisdiction: null,
  },
  {
    ...pending,
    // The release prints "State of New Hampshire" twice in a row; the name carries it once.
    id: 'new-hampshire-bea',
    name: 'Department of Business and Economic Affairs – State of New Hampshire',
    officialName: null,
    acronym: null,
    designation: null,
    kind: 'government_agency',
    jurisdiction: 'NH',
  },
];

export const seedPartners: Draft<Partner>[] = partnersInRelease.map((partner) => ({ ...partner, aliases: [...(usualShortNames[partner.id] ?? [])] }));

const noContact = { email: null, quote: null, affiliation: null, partnerId: null } as const;

export const seedPeople: Draft<Person>[] = [
  {
    ...noContact,
    id: 'peter-welch',
    name: 'Peter Welch',
    title: {
      fr: 'sénateur (Vermont), architecte du CHIPS and Science Act',
      en: 'Senator (Vermont), architect of the CHIPS and Science Act',
    },
  },
  {
    ...noContact,
    id: 'rene-sylvestre',
    name: 'René Sylvestre',
    title: { fr: 'délégué du Québec à Boston', en: 'Québec Delegate in Boston' },
  },
  {
    ...noContact,
    id: 'manon-duclos',
    name: 'Manon Duclos',
    title: { fr: 'présidente-directrice générale', en: 'President and Chief Executive Officer' },
    partnerId: 'technum-quebec',
    quote: {
      fr: 'Nous avons aujourd’hui franchi une étape importante. Le corridor nord-est n’est plus une idée, il devient une structure d’action concrète et durable.',
      en: 'Today we took an important step. The northeast corridor is no longer an idea; it is becoming a concrete and lasting structure for action.',
    },
  },
  {
    ...noContact,
    id: 'michel-belval',
    name: 'Michel Belval',
    title: { fr: 'président de la section québécoise de l’AmCham', en: 'President of AmCham’s Québec chapter' },
    partnerId: 'amcham-quebec',
    quote: {
      fr: 'Ce corridor répond à une nécessité stratégique : structurer et renforcer les liens économiques et technologiques entre nos deux marchés. Grâce à notre proximité géographique et à la complémentarité de nos écosystèmes, nous avons tout en main pour devenir un pôle de collaboration incontournable en Amérique du Nord.',
      en: 'This corridor meets a strategic need: to structure and strengthen the economic and technological ties between our two markets. Thanks to our geographic proximity and the complementarity of our ecosystems, we have everything we need to become an essential hub of collaboration in North America.',
    },
  },
  {
    ...noContact,
    id: 'stephanie-latour',
    name: 'Stéphanie Latour',
    title: {
      fr: 'vice-présidente, affaires publiques et relations avec le milieu',
      en: 'Vice-President, Public Affairs and Community Relations',
    },
    partnerId: 'technum-quebec',
    email: 'stephanie.latour@technumquebec.ca',
  },
];

/** Person to contact about the corridor, per the release. */
export const PRESS_CONTACT_ID = 'stephanie-latour';

export const seedEvents: Draft<CorridorEvent>[] = [
  {
    id: 'first-official-meeting-2025-04-16',
    title: {
      fr: 'Première rencontre officielle des signataires du protocole d’entente',
      en: 'First official meeting of the MOU signatories',
    },
    date: MEETING_DATE,
    startTime: null,
    place: 'Université de Sherbrooke',
    summary: {
      fr: 'Allocution du sénateur Peter Welch en matinée ; identification de quatre pistes d’action pour intensifier les échanges.',
      en: 'Morning address by Senator Peter Welch; four action tracks identified to intensify exchanges.',
    },
    organiserIds: ['technum-quebec', 'amcham-quebec'],
    attendingPartnerIds: seedPartners.map((partner) => partner.id),
    speakers: [{ personId: 'peter-welch', role: { fr: 'Allocution en matinée', en: 'Morning address' } }],
    attendeePersonIds: ['rene-sylvestre'],
    status: 'scheduled',
  },
];

export const seedTracks: Track[] = [
  {
    id: 'mutual-knowledge',
    position: 1,
    title: {
      fr: 'Meilleure connaissance mutuelle des écosystèmes',
      en: 'Better mutual knowledge of the ecosystems',
    },
    formerTitles: [],
  },
  {
    id: 'joint-projects',
    position: 2,
    title: {
      fr: 'Accélération de projets conjoints en recherche et innovation',
      en: 'Faster joint research and innovation projects',
    },
    formerTitles: [],
  },
  {
    id: 'value-chains',
    position: 3,
    title: {
      fr: 'Création de chaînes de valeur locales et résilientes',
      en: 'Local and resilient value chains',
    },
    formerTitles: [],
  },
  {
    id: 'investment-and-workforce',
    position: 4,
    title: {
      fr: 'Coordination plus étroite pour attirer les investissements et soutenir la formation de la main-d’œuvre',
      en: 'Closer coordination to attract investment and support workforce training',
    },
    formerTitles: [],
  },
];

/** The one commitment the release makes with a deliverable: announcing the new adhesions. */
export const seedActions: Draft<ActionItem>[] = [
  {
    id: 'announce-new-adhesions',
    title: {
      fr: 'Annoncer l’adhésion de nouveaux partenaires stratégiques au MOU',
      en: 'Announce the adhesion of new strategic partners to the MOU',
    },
    trackId: null,
    status: 'open',
    ownerUserId: null,
    dueOn: null,
    partnerIds: ['venture-lab', 'cmc-microsystems', 'new-hampshire-bea'],
    completedOn: null,
  },
];

/** The release, as the source of the figures and of the purpose, in its own words. */
const releaseSource = {
  fr: 'Communiqué du 17 avril 2025, Sherbrooke',
  en: 'Press release of 17 April 2025, Sherbrooke',
};

/**
 * The figures as the release states them, in the present tense, on 17 April 2025: their year is the
 * release's. Their values are its words ("plus de 900"); the English is their translation.
 */
function releaseFigure(id: string, label: BilingualText, value: BilingualText): SectorFigure {
  return { id, label, value, year: 2025, source: releaseSource };
}

export const seedProfile: Draft<CorridorProfile> = {
  id: ABOUT_ID,
  purpose: {
    fr: 'Structurer le corridor Québec–États du Nord-Est américain dans le secteur des semi-conducteurs : renforcer les liens existants et créer de nouvelles passerelles dans les semi-conducteurs et les technologies connexes, en s’appuyant sur plus de 50 ans de collaboration entre les écosystèmes industriels et de recherche.',
    en: 'Structure the Québec–US Northeast corridor in the semiconductor sector: strengthen existing ties and build new bridges in semiconductors and related technologies, building on more than 50 years of collaboration between the industrial and research ecosystems.',
  },
  ledByPartnerIds: ['technum-quebec', 'amcham-quebec'],
  figures: [
    releaseFigure(
      'quebec-companies',
      { fr: 'Entreprises québécoises en électronique et semi-conducteurs', en: 'Québec companies in electronics and semiconductors' },
      { fr: 'plus de 900', en: 'more than 900' },
    ),
    releaseFigure('exporters', { fr: 'Part qui exporte', en: 'Firms that export' }, { fr: '90\u00a0%', en: '90%' }),
    releaseFigure('exporters-to-us', { fr: 'Dont vers les États-Unis', en: 'Of which to the United States' }, { fr: '75\u00a0%', en: '75%' }),
    releaseFigure(
      'years-of-collaboration',
      { fr: 'Années de collaboration Québec–Nord-Est', en: 'Years of Québec–Northeast collaboration' },
      { fr: 'plus de 50', en: 'more than 50' },
    ),
  ],
  source: releaseSource,
  tracks: seedTracks,
};
