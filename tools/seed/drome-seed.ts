import { ActorRole, MemberGroup } from '../../src/actor';
import type { ImportBundle, LabelRecord, NeedRecord, ProductRecord } from '../../src/records';
import type { CommuneRef } from './communes';
import { completeBundle, createGenerator, type Generator } from './generator';
import { monthsFor } from './market';
import { SEED_IDS, type Line, type SeedActor } from './model';
import { ACTOR_PROFILES, farm, make, profileByKey, wine, type LineSpec } from './profiles';
import { ProductTaxonomy } from './taxonomy';

/**
 * The Drôme seed: about 500 actors an analyst from the Drôme would recognise (real public
 * institutions and collèges, fictitious companies in the right places), their offers and needs,
 * and some 2,000 trading links forming chains from the field to the kitchen.
 */

/** The seed's fixed random seed: change it and every generated detail changes. */
export const DROME_SEED = 26;

/** A chain built on purpose, field to kitchen: supply link ids in order. */
export interface KnownChain {
  name: string;
  description: string;
  linkIds: readonly string[];
}

/**
 * The chains the seed builds first (so their ids are stable), for tests and demonstrations.
 * The first one is the headline question: is the central kitchen's organic bread made from
 * organic, local wheat?
 */
export const KNOWN_CHAINS: readonly KnownChain[] = [
  {
    name: 'organic-wheat-to-central-kitchen',
    description:
      "Blé tendre bio de l'EARL des Trois Chênes (Montvendre) → silo bio de Chabeuil → farine T80 bio du Moulin de la Véore → pain de campagne bio du Levain de la Véore → Cuisine centrale de Valence Romans Agglo. / Organic wheat from a farm near Chabeuil, through the organic cooperative, mill and bakery, to the Valence Romans Agglo central kitchen.",
    linkIds: ['sl-00001', 'sl-00002', 'sl-00003', 'sl-00004'],
  },
  {
    name: 'picodon-to-restaurant',
    description:
      'Lait de chèvre de la Chèvrerie du Glandasse (Romeyer) → Picodon AOP de la Fromagerie des Monts du Diois → Comptoir Drômois des Fromages → restaurant à Valence. / Goat milk to a Picodon dairy, a cheese wholesaler and a Valence restaurant.',
    linkIds: ['sl-00005', 'sl-00006', 'sl-00007'],
  },
  {
    name: 'raviole-to-central-kitchen',
    description:
      'Lait de vache du Vercors → fromage blanc de la Fromagerie du Vercors → Raviole du Dauphiné IGP des Ravioles du Royans → Cuisine centrale de Valence Romans Agglo. / Vercors cow milk to fromage blanc, to Raviole du Dauphiné, to the central kitchen.',
    linkIds: ['sl-00008', 'sl-00009', 'sl-00010'],
  },
  {
    name: 'apricot-via-lyon-market',
    description:
      "Abricots bio IGP des Baronnies (Pierrelongue) → coopérative fruitière des Baronnies → grossiste du MIN de Lyon-Corbas → Plateforme Drôme Bio Logistique → Collège Camille Vernet (Valence) : trois intermédiaires, hors circuit court. / Organic apricots reaching a Valence collège through three intermediaries, via Lyon's wholesale market.",
    linkIds: ['sl-00011', 'sl-00012', 'sl-00013', 'sl-00014'],
  },
  {
    name: 'clairette-to-restaurant',
    description:
      'Raisin de Vercheny → Clairette de Die AOC de la Cave coopérative des Coteaux du Diois → caviste à Valence → restaurant à Valence. / Grapes to a Clairette de Die cooperative, a wine shop and a restaurant.',
    linkIds: ['sl-00015', 'sl-00016', 'sl-00017'],
  },
];

/**
 * Organic flour reaching the Valence Romans Agglo central kitchen through 1, 2 and 3 resellers,
 * from mills 76 to 80 km away whose own offers deliver within 15-25 km only, so the headline
 * question answers differently for maxIntermediaries 0, 1, 2 and 3. The two small mills sell only
 * on these chains. The hubs on the way deliver within 25 km (Die) and 10 km (Nyons, Romans):
 * none reaches Valence; the Drôme Épicerie wholesaler and the Drôme Bio Logistique platform do.
 */
export const FLOUR_RESALE_CHAINS: readonly { mill: string; productId: string; resellers: readonly string[] }[] = [
  { mill: 'Moulin des Baronnies', productId: 'farine-ble-t80', resellers: ['Drôme Épicerie Distribution'] },
  {
    mill: 'Moulin du Haut-Diois',
    productId: 'farine-petit-epeautre',
    resellers: ['Le Panier Paysan du Diois', 'Plateforme Drôme Bio Logistique'],
  },
  {
    mill: 'Moulin de la Vallée du Jabron',
    productId: 'farine-epeautre',
    resellers: ['Plateforme Paysanne de Drôme provençale', 'Collectif Saveurs des Collines', 'Plateforme Drôme Bio Logistique'],
  },
];

/**
 * An organic chain broken on purpose: the organic bakery of Crest sells bread labelled AB to a
 * collège, made from flour bought on a conventional link (labelIds []).
 */
export const BROKEN_ORGANIC_CHAIN: KnownChain & { brokenLinkId: string } = {
  name: 'organic-bread-from-conventional-flour',
  description:
    'Blé conventionnel (Eurre) → coopérative du Val de Drôme → farine T65 conventionnelle de la Minoterie du Crestois → pain de campagne vendu AB par le Fournil de Crest → Collège Revesz-Long (Crest). / AB-labelled bread made from conventional flour.',
  linkIds: ['sl-00018', 'sl-00019', 'sl-00020', 'sl-00021'],
  brokenLinkId: 'sl-00021',
};

/**
 * Organic poultry raised on conventional feed, on purpose: Volailles de la Magnanerie, a certified
 * organic poultry farm, buys its feed from Aliments Drôme-Vivarais, a feed mill that makes
 * conventional feed only, and its AB chicken sold to the Collège Debussy declares that feed as its
 * input (SOURCED_FROM: feed is an input of livestock products). Label integrity must report a
 * CONVENTIONAL_FEED break (EU 2018/848, annex II part II 1.4.1: organic livestock are fed organic feed).
 */
export const CONVENTIONAL_FEED_BREAK = {
  name: 'organic-chicken-on-conventional-feed',
  description:
    "Aliment volailles conventionnel d'Aliments Drôme-Vivarais → Volailles de la Magnanerie (AB) → poulet vendu AB au Collège Debussy. / Organic chicken from a farm feeding conventional feed.",
  feedLinkId: 'sl-01925',
  brokenLinkId: 'sl-01184',
} as const;

/** The contract caterer's central kitchen: a private buyer, whose purchases carry no public channel. */
export const CONTRACT_CATERER = 'Cuisine centrale Rhodanienne de Restauration';

/**
 * Operators that resell organic (AB) goods without an Agence Bio certificate of their own: the
 * label-integrity check must report them (EU 2018/848 requires every operator handling the goods
 * to be certified). Names, as the seed gives them.
 */
export const UNCERTIFIED_ORGANIC_RESELLERS: readonly string[] = ['Primeurs de la Vallée du Rhône'];

/** Needs nobody in the seed can meet, with any supplier, at any distance. */
export const UNMET_NEED_IDS: readonly string[] = ['need-0001', 'need-0002', 'need-0003'];

/** An actor the seed names by hand; `handle` is how the chains below refer to it. */
interface Anchor {
  handle: string;
  profile: string;
  name: string;
  insee: string;
  organic?: boolean;
  organicLineShare?: number;
  lines?: readonly LineSpec[];
  description?: string;
  scale?: number;
  wantOrganicShare?: number;
  memberGroup?: MemberGroup;
  /** Meals a year (kitchens whose size is public); drawn for the others. */
  meals?: number;
  /** A real public body; every other anchor is an invented operator (fictitious: true). */
  real?: true;
  /** Its real SIREN (from seeds/communes-drome-and-neighbours.csv) and establishment number. */
  siren?: { siren: string; establishment: number };
  /** A delivery radius fixed by hand (km), for the chains that exercise the intermediary search. */
  deliveryKm?: number;
  /** Sells only where the seed sends its goods by hand (FLOUR_RESALE_CHAINS): no generated buyer finds it. */
  exclusive?: true;
}

const t = (productId: string, extra: Partial<LineSpec> = {}): LineSpec => make(productId, 1, { suppliers: [2, 4], ...extra });

/** Valence Romans Agglo's SIREN (seeds/communes-drome-and-neighbours.csv): the agglomeration and its central kitchen, an establishment of it. */
const VRA_SIREN = '200068781';

/**
 * Named actors, created first and in this order (act-0001 ...). `real` marks the public bodies
 * (the Département, chambers, EPCIs, collèges, hospitals, the public central kitchens); where their
 * SIREN is known (the EPCIs, from the shipped reference data; the Département, from SIRENE) they
 * carry it, the others a placeholder SIREN
 * beginning with 0 (docs/model.md). Every company is invented.
 */
const ANCHORS: readonly Anchor[] = [
  // Institutions
  {
    handle: 'departement',
    real: true,
    profile: 'institution',
    name: 'Département de la Drôme',
    // SIRENE: Département de la Drôme, SIREN 222 600 017, its seat's SIRET 222 600 017 00016.
    siren: { siren: '222600017', establishment: 1 },
    insee: '26362',
    memberGroup: MemberGroup.FOUNDERS,
    description:
      "Collectivité départementale, fondatrice du Club Drômois de l'Alimentation ; restauration des collèges publics (1,7 million de repas par an, environ 52 % de bio), Agrilocal.",
  },
  {
    handle: 'chambre-agriculture',
    real: true,
    profile: 'institution',
    name: "Chambre d'agriculture de la Drôme",
    insee: '26058',
    memberGroup: MemberGroup.FOUNDERS,
    description: "Chambre consulaire des agriculteurs drômois, fondatrice du Club Drômois de l'Alimentation.",
  },
  {
    handle: 'chambre-metiers',
    real: true,
    profile: 'institution',
    name: "Chambre de métiers et de l'artisanat de la Drôme",
    insee: '26362',
    memberGroup: MemberGroup.FOUNDERS,
    description: "Chambre consulaire des artisans (boulangers, bouchers, traiteurs), fondatrice du Club Drômois de l'Alimentation.",
  },
  {
    handle: 'cci',
    real: true,
    profile: 'institution',
    name: 'CCI de la Drôme',
    insee: '26362',
    memberGroup: MemberGroup.FOUNDERS,
    description: "Chambre de commerce et d'industrie, fondatrice du Club Drômois de l'Alimentation.",
  },
  {
    handle: 'vra',
    real: true,
    siren: { siren: VRA_SIREN, establishment: 1 },
    profile: 'institution',
    name: 'Valence Romans Agglo',
    insee: '26362',
    description: "Communauté d'agglomération (54 communes), porteuse d'un projet alimentaire territorial et de la cuisine centrale.",
  },
  {
    handle: 'montelimar-agglo',
    real: true,
    siren: { siren: '200040459', establishment: 1 },
    profile: 'institution',
    name: 'Montélimar Agglomération',
    insee: '26198',
    description: "Communauté d'agglomération (27 communes) du pays de Montélimar.",
  },
  {
    handle: 'ccvd',
    real: true,
    siren: { siren: '242600252', establishment: 1 },
    profile: 'institution',
    name: 'Communauté de communes du Val de Drôme en Biovallée',
    insee: '26125',
    description: 'Communauté de communes de la Biovallée, territoire pionnier de la bio dans la vallée de la Drôme.',
  },
  // Collective catering
  {
    handle: 'ck-vra',
    real: true,
    siren: { siren: VRA_SIREN, establishment: 2 },
    profile: 'central-kitchen',
    name: 'Cuisine centrale de Valence Romans Agglo',
    insee: '26362',
    scale: 3,
    meals: 6000 * 140,
    description:
      "Cuisine centrale en liaison froide : environ 6 000 repas par jour pour 56 restaurants scolaires de l'agglomération, au moins 20 % de produits bio.",
  },
  {
    handle: 'ck-montelimar',
    real: true,
    profile: 'central-kitchen',
    name: 'Cuisine centrale de Montélimar',
    insee: '26198',
    meals: 2500 * 140,
  },
  {
    handle: 'ck-biovallee',
    real: true,
    profile: 'central-kitchen',
    name: 'Cuisine centrale de la Biovallée',
    insee: '26125',
    description:
      'Cuisine centrale intercommunale à Eurre : repas des écoles du Val de Drôme en Biovallée, produits bio et locaux de la vallée.',
  },
  {
    handle: 'caterer',
    profile: 'caterer-kitchen',
    name: 'Cuisine centrale Rhodanienne de Restauration',
    insee: '26252',
    description:
      "Cuisine centrale (fictive) d'une société de restauration collective concédée à Portes-lès-Valence : cantines de communes rurales et EHPAD.",
  },
  { handle: 'college-camille-vernet', real: true, profile: 'college', name: 'Collège Camille Vernet', insee: '26362' },
  { handle: 'college-marcel-pagnol', real: true, profile: 'college', name: 'Collège Marcel Pagnol', insee: '26362' },
  { handle: 'college-marcelle-rivier', real: true, profile: 'college', name: 'Collège Marcelle Rivier', insee: '26037' },
  { handle: 'college-debussy', real: true, profile: 'college', name: 'Collège Debussy', insee: '26281' },
  { handle: 'college-lapassat', real: true, profile: 'college', name: 'Collège Lapassat', insee: '26281' },
  { handle: 'college-europa', real: true, profile: 'college', name: 'Collège Europa', insee: '26198' },
  { handle: 'college-revesz-long', real: true, profile: 'college', name: 'Collège Revesz-Long', insee: '26108' },
  { handle: 'college-armorin', real: true, profile: 'college', name: 'Collège François-Jean Armorin', insee: '26108' },
  { handle: 'college-roumanille', real: true, profile: 'college', name: 'Collège Roumanille', insee: '26220' },
  { handle: 'college-chalamel', real: true, profile: 'college', name: 'Collège Ernest Chalamel', insee: '26114' },
  { handle: 'college-olivier-de-serres', real: true, profile: 'college', name: 'Collège Olivier de Serres', insee: '26095' },
  { handle: 'college-denis-brunet', real: true, profile: 'college', name: 'Collège Denis Brunet', insee: '26330' },
  { handle: 'college-herbasse', real: true, profile: 'college', name: "Collège du Pays de l'Herbasse", insee: '26301' },
  { handle: 'college-die', real: true, profile: 'college', name: 'Collège public de Die', insee: '26113' },
  { handle: 'college-pierrelatte', real: true, profile: 'college', name: 'Collège public de Pierrelatte', insee: '26235' },
  { handle: 'college-buis', real: true, profile: 'college', name: 'Collège public de Buis-les-Baronnies', insee: '26063' },
  { handle: 'ch-valence', real: true, profile: 'hospital', name: 'Centre hospitalier de Valence', insee: '26362', scale: 2 },
  { handle: 'ch-montelimar', real: true, profile: 'hospital', name: 'Centre hospitalier de Montélimar', insee: '26198', scale: 1.5 },
  // Romans-sur-Isère and Saint-Vallier are two sites of one hospital, the Hôpitaux Drôme Nord (merged
  // in 2001): two kitchens, one public body.
  {
    handle: 'ch-romans',
    real: true,
    profile: 'hospital',
    name: 'Hôpitaux Drôme Nord, site de Romans-sur-Isère',
    insee: '26281',
    scale: 1.5,
  },
  { handle: 'ch-die', real: true, profile: 'hospital', name: 'Centre hospitalier de Die', insee: '26113', scale: 0.6 },
  { handle: 'ch-crest', real: true, profile: 'hospital', name: 'Centre hospitalier de Crest', insee: '26108', scale: 0.6 },
  { handle: 'ch-nyons', real: true, profile: 'hospital', name: 'Centre hospitalier de Nyons', insee: '26220', scale: 0.6 },
  {
    handle: 'ch-saint-vallier',
    real: true,
    profile: 'hospital',
    name: 'Hôpitaux Drôme Nord, site de Saint-Vallier',
    insee: '26333',
    scale: 0.6,
  },
  // Abattoirs and cutting plants (invented: the Drôme's real abattoirs are not in the reference data)
  { handle: 'abattoir-diois', profile: 'slaughterhouse', name: 'Abattoir des Monts du Diois', insee: '26113' },
  { handle: 'abattoir-crest', profile: 'slaughterhouse', name: 'Abattoir du Val de Drôme', insee: '26108' },
  { handle: 'decoupe-collines', profile: 'slaughterhouse', name: 'Atelier de découpe des Collines', insee: '26301' },
  // Collection
  {
    handle: 'coop-bio-chabeuil',
    profile: 'coop-grain-organic',
    name: 'Coopérative Bio Céréales Drôme – silo de Chabeuil',
    insee: '26064',
    description:
      'Coopérative céréalière 100 % bio : collecte, tri et stockage dans un silo dédié au bio à Chabeuil, au pied des monts du Matin.',
  },
  { handle: 'coop-plaine-valence', profile: 'coop-grain', name: 'Coopérative céréalière de la Plaine de Valence', insee: '26197' },
  { handle: 'coop-valloire', profile: 'coop-grain', name: 'Coopérative agricole de la Valloire', insee: '26010' },
  { handle: 'coop-val-de-drome', profile: 'coop-grain', name: 'Coopérative céréalière du Val de Drôme', insee: '26006' },
  { handle: 'coop-tricastin', profile: 'coop-grain', name: 'Coopérative des Céréaliers du Tricastin', insee: '26235' },
  { handle: 'coop-fruit-valloire', profile: 'coop-fruit', name: 'Coopérative fruitière de la Valloire', insee: '26325' },
  { handle: 'coop-fruit-baronnies', profile: 'coop-fruit', name: 'Coopérative fruitière des Baronnies', insee: '26063' },
  { handle: 'coop-fruit-val-de-drome', profile: 'coop-fruit', name: 'Station fruitière du Val de Drôme', insee: '26166' },
  { handle: 'coop-noix', profile: 'coop-nut', name: 'Coopérative nucicole du Royans', insee: '26307' },
  { handle: 'coop-olive', profile: 'coop-olive', name: "Moulin coopératif des Oliviers de l'Eygues", insee: '26220' },
  {
    handle: 'cave-coteaux-diois',
    profile: 'coop-wine',
    name: 'Cave coopérative des Coteaux du Diois',
    insee: '26113',
    organic: false,
    lines: [wine('clairette-de-die', 'clairette-de-die-aoc'), wine('cremant-de-die', 'cremant-de-die-aoc')],
  },
  {
    handle: 'cellier-saillans',
    profile: 'coop-wine',
    name: 'Cellier des Vignerons de Saillans',
    insee: '26289',
    organic: true,
    lines: [wine('clairette-de-die', 'clairette-de-die-aoc')],
  },
  {
    handle: 'vignerons-mercurol',
    profile: 'coop-wine',
    name: 'Les Vignerons des Coteaux de Mercurol',
    insee: '26179',
    lines: [wine('crozes-hermitage', 'crozes-hermitage-aop'), wine('vin-igp-drome', 'igp-drome')],
  },
  {
    handle: 'vignerons-vinsobres',
    profile: 'coop-wine',
    name: 'Les Vignerons du Haut-Nyonsais',
    insee: '26377',
    lines: [wine('vinsobres', 'vinsobres-aop'), wine('cotes-du-rhone', 'cotes-du-rhone-aop')],
  },
  {
    handle: 'vignerons-chamaret',
    profile: 'coop-wine',
    name: 'Les Vignerons de la Tour de Chamaret',
    insee: '26070',
    lines: [
      wine('grignan-les-adhemar', 'grignan-les-adhemar-aop'),
      wine('cotes-du-rhone', 'cotes-du-rhone-aop'),
      wine('vin-igp-drome', 'igp-drome'),
    ],
  },
  // Mills and first processing
  {
    handle: 'moulin-veore',
    profile: 'mill',
    name: 'Moulin de la Véore',
    insee: '26196',
    organic: true,
    organicLineShare: 1,
    lines: [
      t('farine-ble-t65'),
      t('farine-ble-t80'),
      t('farine-ble-t110'),
      t('farine-ble-t150'),
      t('farine-epeautre', { suppliers: [1, 2] }),
    ],
    description:
      "Moulin artisanal bio sur meules de pierre : farines de blé T65 à T150 et farine d'épeautre, blé collecté dans la plaine de Valence.",
  },
  {
    handle: 'minoterie-crestois',
    profile: 'mill',
    name: 'Minoterie du Crestois',
    insee: '26108',
    organic: false,
    lines: [t('farine-ble-t55'), t('farine-ble-t65'), t('farine-ble-t80'), t('farine-seigle', { suppliers: [1, 2] })],
  },
  {
    handle: 'minoterie-collines',
    profile: 'mill',
    name: 'Minoterie des Collines',
    insee: '26301',
    organic: false,
    lines: [t('farine-ble-t45'), t('farine-ble-t55'), t('farine-ble-t65'), t('farine-ble-t80')],
  },
  {
    handle: 'minoterie-tricastin',
    profile: 'mill',
    name: 'Minoterie du Tricastin',
    insee: '26235',
    organic: false,
    lines: [t('farine-ble-t55'), t('farine-ble-t65'), t('semoule-ble-dur', { organic: 'never' })],
  },
  {
    handle: 'moulin-eyrieux',
    profile: 'mill',
    name: "Moulin de l'Eyrieux",
    insee: '07261',
    organic: false,
    lines: [t('farine-ble-t55'), t('farine-ble-t65'), t('farine-ble-t80')],
  },
  {
    handle: 'moulin-vivarais',
    profile: 'mill',
    name: 'Moulin du Vivarais',
    insee: '07324',
    organic: true,
    organicLineShare: 1,
    lines: [t('farine-ble-t65'), t('farine-ble-t80'), t('farine-seigle', { suppliers: [1, 2] })],
  },
  {
    handle: 'moulin-baronnies',
    profile: 'mill',
    deliveryKm: 25,
    name: 'Moulin des Baronnies',
    insee: '26063',
    organic: true,
    organicLineShare: 1,
    lines: [
      t('farine-petit-epeautre', { suppliers: [2, 3], inputMaxKm: 80 }),
      t('farine-epeautre', { suppliers: [1, 2], inputMaxKm: 80 }),
      t('farine-ble-t80', { inputMaxKm: 80 }),
    ],
  },
  {
    handle: 'moulin-haut-diois',
    profile: 'mill',
    name: 'Moulin du Haut-Diois',
    insee: '26086',
    organic: true,
    organicLineShare: 1,
    deliveryKm: 15,
    exclusive: true,
    lines: [t('farine-petit-epeautre', { suppliers: [1, 2], inputMaxKm: 80 })],
  },
  {
    handle: 'moulin-jabron',
    profile: 'mill',
    name: 'Moulin de la Vallée du Jabron',
    insee: '26045',
    organic: true,
    organicLineShare: 1,
    deliveryKm: 15,
    exclusive: true,
    lines: [t('farine-epeautre', { suppliers: [1, 2], inputMaxKm: 80 })],
  },
  { handle: 'aliments-drome-vivarais', profile: 'feed-mill', name: 'Aliments Drôme-Vivarais', insee: '26206' },
  {
    handle: 'fromagerie-monts-diois',
    profile: 'dairy-goat',
    name: 'Fromagerie des Monts du Diois',
    insee: '26113',
    organic: false,
    lines: [
      make('picodon', 1, { labels: ['picodon-aop'], suppliers: [3, 6], inputMaxKm: 50 }),
      make('fromage-de-chevre', 1, { suppliers: [2, 3] }),
      make('tomme-de-chevre'),
    ],
  },
  { handle: 'laiterie-jabron', profile: 'dairy-goat', name: 'Laiterie du Jabron', insee: '26191', organic: true },
  { handle: 'fromagerie-lance', profile: 'dairy-goat', name: 'Fromagerie de la Lance', insee: '26114' },
  { handle: 'fromagerie-eygues', profile: 'dairy-goat', name: "Fromagerie de l'Eygues", insee: '26182' },
  {
    handle: 'fromagerie-vercors',
    profile: 'dairy-cow',
    name: 'Fromagerie du Vercors',
    insee: '26364',
    organic: false,
    lines: [
      make('fromage-blanc', 1, { suppliers: [2, 4] }),
      make('yaourt'),
      make('tomme-de-vache'),
      make('bleu-du-vercors', 1, { labels: ['bleu-du-vercors-sassenage-aop'], suppliers: [2, 3] }),
      make('beurre', 1, { organic: 'never' }),
      make('creme', 1, { organic: 'never' }),
    ],
  },
  {
    handle: 'laiterie-collines',
    profile: 'dairy-cow',
    name: 'Laiterie des Collines',
    insee: '26148',
    organic: false,
    lines: [
      make('fromage-blanc', 1, { suppliers: [2, 4] }),
      make('yaourt', 1, { suppliers: [2, 3] }),
      make('beurre', 1, { organic: 'never' }),
      make('creme', 1, { organic: 'never' }),
    ],
  },
  {
    handle: 'fromagerie-isere',
    profile: 'dairy-cow',
    name: "Fromagerie de la Vallée de l'Isère",
    insee: '38416',
    organic: false,
    lines: [make('saint-marcellin', 1, { labels: ['saint-marcellin-igp'], suppliers: [3, 5] }), make('fromage-blanc')],
  },
  {
    handle: 'laiterie-gervanne',
    profile: 'dairy-cow',
    name: 'Laiterie bio de la Gervanne',
    insee: '26035',
    organic: true,
    organicLineShare: 1,
    lines: [make('yaourt', 1, { suppliers: [2, 3], inputMaxKm: 80 }), make('fromage-blanc', 1, { suppliers: [1, 2], inputMaxKm: 80 })],
  },
  { handle: 'moulin-pontias', profile: 'oil-mill', name: 'Moulin à huile du Pontias', insee: '26220' },
  { handle: 'huilerie-baronnies', profile: 'oil-mill', name: 'Huilerie des Baronnies', insee: '26063' },
  { handle: 'distillerie-hautes-baronnies', profile: 'distillery', name: 'Distillerie des Hautes Baronnies', insee: '26193' },
  { handle: 'distillerie-perty', profile: 'distillery', name: 'Distillerie du Col de Perty', insee: '26153' },
  { handle: 'distillerie-lure', profile: 'distillery', name: 'Distillerie de la Montagne de Lure', insee: '04209' },
  { handle: 'nougaterie-allees', profile: 'nougat-maker', name: 'Nougaterie des Allées Provençales', insee: '26198' },
  { handle: 'nougaterie-roubion', profile: 'nougat-maker', name: 'Nougaterie du Roubion', insee: '26198' },
  { handle: 'confiserie-jabron', profile: 'nougat-maker', name: 'Confiserie du Jabron', insee: '26198' },
  { handle: 'nougaterie-escoffier', profile: 'nougat-maker', name: 'Nougaterie Escoffier', insee: '26198' },
  {
    handle: 'conserverie-baronnies',
    profile: 'cannery',
    name: 'Conserverie des Baronnies',
    insee: '26188',
    lines: [
      make('confiture-abricot', 1, { suppliers: [2, 3] }),
      make('nectar-abricot', 1, { suppliers: [2, 3] }),
      make('compote-pomme-abricot'),
    ],
  },
  {
    handle: 'jus-valloire',
    profile: 'cannery',
    name: 'Jus de Fruits de la Valloire',
    insee: '26010',
    lines: [make('jus-de-pomme', 1, { suppliers: [2, 3] }), make('nectar-abricot', 1, { suppliers: [2, 3] }), make('nectar-peche')],
  },
  {
    handle: 'confiturerie-royans',
    profile: 'cannery',
    name: 'Confiturerie du Royans',
    insee: '26320',
    lines: [make('confiture-cerise'), make('compote-pomme'), make('creme-de-marrons', 1, { inputMaxKm: 120 })],
  },
  { handle: 'salaisons-vercors', profile: 'charcuterie', name: 'Salaisons du Vercors', insee: '26074' },
  { handle: 'charcuterie-collines', profile: 'charcuterie', name: 'Charcuterie des Collines', insee: '26301' },
  { handle: 'brasserie-sye', profile: 'brewery', name: 'Brasserie artisanale de la Sye', insee: '26011' },
  { handle: 'huilerie-noyeraies', profile: 'nut-oil-mill', name: 'Huilerie des Noyeraies', insee: '38095' },
  // Second processing
  {
    handle: 'ravioles-pont-vieux',
    profile: 'raviole-maker',
    name: 'Ravioles du Pont Vieux',
    insee: '26281',
    lines: [
      make('raviole-du-dauphine', 1, { labels: ['raviole-dauphine-igp', 'raviole-dauphine-label-rouge'], inputMaxKm: 80 }),
      make('pates-fraiches'),
    ],
  },
  {
    handle: 'ravioles-berthon',
    profile: 'raviole-maker',
    name: 'Ravioles Maison Berthon',
    insee: '26281',
    lines: [make('raviole-du-dauphine', 1, { labels: ['raviole-dauphine-igp'], inputMaxKm: 80 })],
  },
  {
    handle: 'ravioles-royans',
    profile: 'raviole-maker',
    name: 'Ravioles du Royans',
    insee: '26307',
    lines: [make('raviole-du-dauphine', 1, { labels: ['raviole-dauphine-igp', 'raviole-dauphine-label-rouge'], inputMaxKm: 80 })],
  },
  {
    handle: 'atelier-raviole',
    profile: 'raviole-maker',
    name: 'Atelier de la Raviole',
    insee: '26057',
    lines: [make('raviole-du-dauphine', 1, { labels: ['raviole-dauphine-igp'], inputMaxKm: 80 }), make('pates-fraiches')],
  },
  { handle: 'pates-drome', profile: 'pasta-maker', name: 'Atelier des Pâtes Drômoises', insee: '26166' },
  {
    handle: 'levain-veore',
    profile: 'bakery-organic',
    name: 'Le Levain de la Véore',
    insee: '26362',
    organic: true,
    organicLineShare: 1,
    lines: [make('pain-de-campagne'), make('pain-complet'), make('pain-epeautre', 1, { inputMaxKm: 100 }), make('baguette')],
  },
  {
    handle: 'fournil-crest',
    profile: 'bakery-organic',
    name: 'Boulangerie Le Fournil de Crest',
    insee: '26108',
    organic: true,
    organicLineShare: 1,
    lines: [make('pain-de-campagne'), make('pain-complet'), make('baguette')],
  },
  // Wholesale and hubs
  {
    handle: 'primeurs-corbas',
    profile: 'wholesaler-produce',
    name: 'Primeurs Rhône-Alpes – MIN de Lyon-Corbas',
    insee: '69273',
    description:
      "Grossiste en fruits et légumes installé au marché d'intérêt national de Lyon-Corbas ; collecte dans la Drôme et redistribue dans toute la région.",
  },
  { handle: 'maree-corbas', profile: 'wholesaler-seafood', name: 'Marée Rhône-Alpes', insee: '69273' },
  { handle: 'primeurs-vallee-rhone', profile: 'wholesaler-produce', name: 'Primeurs de la Vallée du Rhône', insee: '26252' },
  { handle: 'primeurs-tricastin', profile: 'wholesaler-produce', name: 'Les Primeurs du Tricastin', insee: '26235' },
  { handle: 'comptoir-fromages', profile: 'wholesaler-cheese', name: 'Comptoir Drômois des Fromages', insee: '26362' },
  { handle: 'drome-epicerie', profile: 'wholesaler-grocery', name: 'Drôme Épicerie Distribution', insee: '26313' },
  { handle: 'viandes-dauphine', profile: 'wholesaler-meat', name: 'Viandes du Dauphiné en gros', insee: '26281' },
  { handle: 'vins-terroirs', profile: 'wholesaler-wine', name: 'Vins et Terroirs de la Vallée du Rhône', insee: '26347' },
  {
    handle: 'drome-bio-logistique',
    profile: 'food-hub',
    name: 'Plateforme Drôme Bio Logistique',
    insee: '26252',
    organic: true,
    wantOrganicShare: 1,
    description:
      'Plateforme logistique 100 % bio : regroupe les produits bio de la Drôme et livre la restauration collective de la vallée du Rhône.',
  },
  { handle: 'panier-diois', profile: 'food-hub', name: 'Le Panier Paysan du Diois', insee: '26113', organic: true, deliveryKm: 25 },
  {
    handle: 'saveurs-collines',
    profile: 'food-hub',
    name: 'Collectif Saveurs des Collines',
    insee: '26281',
    organic: true,
    deliveryKm: 10,
  },
  {
    handle: 'plateforme-provencale',
    profile: 'food-hub',
    name: 'Plateforme Paysanne de Drôme provençale',
    insee: '26220',
    organic: true,
    deliveryKm: 10,
  },
  // Shops and a restaurant at the end of the known chains
  { handle: 'cave-vieux-valence', profile: 'wine-shop', name: 'La Cave du Vieux Valence', insee: '26362' },
  { handle: 'comptoir-clercs', profile: 'restaurant', name: 'Le Comptoir des Clercs', insee: '26362' },
  // Farms at the start of the known chains
  {
    handle: 'earl-trois-chenes',
    profile: 'farm-cereal',
    name: 'EARL des Trois Chênes',
    insee: '26212',
    organic: true,
    organicLineShare: 1,
    lines: [farm('ble-tendre'), farm('mais'), farm('soja')],
  },
  {
    handle: 'chevrerie-glandasse',
    profile: 'farm-goat-milk',
    name: 'Chèvrerie du Glandasse',
    insee: '26282',
    organic: false,
    lines: [farm('lait-de-chevre'), farm('chevreau')],
  },
  {
    handle: 'gaec-hauts-plateaux',
    profile: 'farm-cow-milk',
    name: 'GAEC des Hauts Plateaux',
    insee: '26290',
    organic: false,
    lines: [farm('lait-de-vache'), farm('veau')],
  },
  {
    handle: 'vergers-ouveze',
    profile: 'farm-fruit-baronnies',
    name: "Vergers de l'Ouvèze",
    insee: '26236',
    organic: true,
    organicLineShare: 1,
    lines: [farm('abricot', 1, { labels: ['abricot-baronnies-igp'] }), farm('cerise')],
  },
  {
    handle: 'earl-coteaux-vercheny',
    profile: 'farm-vine',
    name: 'EARL des Coteaux de Vercheny',
    insee: '26368',
    organic: false,
    lines: [farm('raisin-de-cuve')],
  },
  {
    handle: 'gaec-gervanne',
    profile: 'farm-cereal',
    name: 'GAEC de la Gervanne',
    insee: '26125',
    organic: false,
    lines: [farm('ble-tendre'), farm('mais'), farm('orge')],
  },
  // Growers of Vinsobres, whose grapes alone may make the Vinsobres AOC wine of the Haut-Nyonsais cellar
  { handle: 'vigne-vinsobres-1', profile: 'farm-vine', name: 'EARL du Coteau de la Bicherie', insee: '26377', organic: false },
  { handle: 'vigne-vinsobres-2', profile: 'farm-vine', name: 'GAEC des Terrasses de Vinsobres', insee: '26377', organic: true },
  { handle: 'vigne-vinsobres-3', profile: 'farm-vine', name: 'Vignobles Reynaud', insee: '26377', organic: false },
];

/** A chain to build: the farm's line, then each buyer and what it does with the goods. */
interface ChainPlan {
  start: { actor: string; productId: string };
  steps: ReadonlyArray<{ buyer: string; resells?: true; makes?: string; freeze?: true }>;
}

const CHAIN_PLANS: readonly ChainPlan[] = [
  {
    start: { actor: 'earl-trois-chenes', productId: 'ble-tendre' },
    steps: [
      { buyer: 'coop-bio-chabeuil', resells: true },
      { buyer: 'moulin-veore', makes: 'farine-ble-t80' },
      { buyer: 'levain-veore', makes: 'pain-de-campagne' },
      { buyer: 'ck-vra', makes: 'repas' },
    ],
  },
  {
    start: { actor: 'chevrerie-glandasse', productId: 'lait-de-chevre' },
    steps: [
      { buyer: 'fromagerie-monts-diois', makes: 'picodon' },
      { buyer: 'comptoir-fromages', resells: true },
      { buyer: 'comptoir-clercs' },
    ],
  },
  {
    start: { actor: 'gaec-hauts-plateaux', productId: 'lait-de-vache' },
    steps: [
      { buyer: 'fromagerie-vercors', makes: 'fromage-blanc' },
      { buyer: 'ravioles-royans', makes: 'raviole-du-dauphine' },
      { buyer: 'ck-vra', makes: 'repas' },
    ],
  },
  {
    start: { actor: 'vergers-ouveze', productId: 'abricot' },
    steps: [
      { buyer: 'coop-fruit-baronnies', resells: true },
      { buyer: 'primeurs-corbas', resells: true },
      { buyer: 'drome-bio-logistique', resells: true },
      { buyer: 'college-camille-vernet' },
    ],
  },
  {
    start: { actor: 'earl-coteaux-vercheny', productId: 'raisin-de-cuve' },
    steps: [
      { buyer: 'cave-coteaux-diois', makes: 'clairette-de-die' },
      { buyer: 'cave-vieux-valence', resells: true },
      { buyer: 'comptoir-clercs' },
    ],
  },
  {
    start: { actor: 'gaec-gervanne', productId: 'ble-tendre' },
    steps: [
      { buyer: 'coop-val-de-drome', resells: true },
      { buyer: 'minoterie-crestois', makes: 'farine-ble-t65' },
      { buyer: 'fournil-crest', makes: 'pain-de-campagne', freeze: true },
      { buyer: 'college-revesz-long' },
    ],
  },
];

/**
 * Builds the Drôme seed. Deterministic: the same inputs give the same bundle, to the last euro.
 * Throws when the catalog is invalid or when the chains above no longer get their documented ids.
 */
export function buildDromeSeed(communes: CommuneRef[], products: ProductRecord[], labels: LabelRecord[]): ImportBundle {
  const generator = createGenerator({ seed: DROME_SEED, ids: SEED_IDS, namespace: 'seed', communes, products, labels });
  const anchors = addAnchors(generator);
  addGenericActors(generator);
  const built = CHAIN_PLANS.map((plan) => buildChain(generator, anchors, plan));
  ensureDocumentedIds(built);
  for (const chain of FLOUR_RESALE_CHAINS) buildResaleChain(generator, anchors, chain);
  buildUncertifiedResale(generator, anchors);
  const uncertified = new Set(UNCERTIFIED_ORGANIC_RESELLERS.map((name) => anchorNamed(anchors, name).record.id));
  const bundle = completeBundle(generator, unmetNeeds(generator, anchors), uncertified);
  declareConventionalFeed(bundle, labels, new ProductTaxonomy(products));
  return bundle;
}

/**
 * Makes the farm's AB sale of CONVENTIONAL_FEED_BREAK declare the conventional feed it bought as its
 * input. The feed purchases are drawn with the rest of the graph, so the ids are checked, not assumed:
 * the feed must be animal feed with no organic label, bought by a certified farm that sells the
 * other link with an organic label.
 */
function declareConventionalFeed(bundle: ImportBundle, labels: LabelRecord[], taxonomy: ProductTaxonomy): void {
  const { feedLinkId, brokenLinkId } = CONVENTIONAL_FEED_BREAK;
  const feed = bundle.supplyLinks.find((l) => l.id === feedLinkId);
  const sale = bundle.supplyLinks.find((l) => l.id === brokenLinkId);
  const farm = bundle.actors.find((a) => a.id === sale?.supplierId);
  const organic = new Set(labels.filter((l) => l.organic).map((l) => l.id));
  const fits =
    feed !== undefined &&
    sale !== undefined &&
    feed.buyerId === sale.supplierId &&
    taxonomy.isSameOrNarrower(feed.productId, 'aliments-animaux') &&
    !feed.labelIds.some((id) => organic.has(id)) &&
    sale.labelIds.some((id) => organic.has(id)) &&
    Boolean(farm?.agenceBioNumber) &&
    Boolean(farm?.roles.includes(ActorRole.FARM));
  if (!fits)
    throw new Error(
      `${feedLinkId} and ${brokenLinkId} are no longer a certified farm's conventional feed and organic sale: update CONVENTIONAL_FEED_BREAK`,
    );
  sale.sourcedFromIds = [...sale.sourcedFromIds, feedLinkId];
}

function addAnchors(generator: Generator): Map<string, SeedActor> {
  const { population, atlas } = generator;
  const byHandle = new Map<string, SeedActor>();
  for (const anchor of ANCHORS) {
    const profile = profileByKey(anchor.profile);
    const commune = atlas.commune(anchor.insee);
    const actor = population.add({
      profile,
      commune,
      placement: null,
      name: anchor.name,
      organic: anchor.organic,
      organicLineShare: anchor.organicLineShare,
      lines: anchor.lines,
      description: anchor.description,
      scale: anchor.scale,
      wantOrganicShare: anchor.wantOrganicShare,
      clubMember: profile.key === 'institution' ? true : undefined,
      memberGroup: anchor.memberGroup,
      meals: anchor.meals,
      real: anchor.real,
      siren: anchor.siren,
      deliveryKm: anchor.deliveryKm,
      exclusive: anchor.exclusive,
    });
    byHandle.set(anchor.handle, actor);
  }
  return byHandle;
}

/** Fills each profile up to its seed count with generated actors. */
function addGenericActors(generator: Generator): void {
  const { population, atlas } = generator;
  for (const profile of ACTOR_PROFILES) {
    const named = ANCHORS.filter((a) => a.profile === profile.key).length;
    if (named > profile.seedCount)
      throw new Error(`profile ${profile.key}: ${named} named actors for a seed count of ${profile.seedCount}`);
    for (let i = named; i < profile.seedCount; i += 1) population.add(population.draftFor(profile, atlas));
  }
}

/** Trades the goods of a farm line step by step; each link is sourced from the previous one. */
function buildChain(generator: Generator, anchors: Map<string, SeedActor>, plan: ChainPlan): string[] {
  const { graph, population } = generator;
  let line = lineOf(handle(anchors, plan.start.actor), plan.start.productId, 'farm');
  const ids: string[] = [];
  for (const step of plan.steps) {
    const buyer = handle(anchors, step.buyer);
    let into: Line | undefined;
    if (step.resells) into = population.ensureLine(buyer, line.productId, line.labelIds, 'resell');
    else if (step.makes) into = lineOf(buyer, step.makes, 'make');
    const previous = ids[ids.length - 1];
    const link = graph.trade(line, buyer, { sourcedFromIds: previous ? [previous] : [], into });
    if (into && step.freeze) into.frozen = true;
    ids.push(link.record.id);
    if (into) line = into;
  }
  return ids;
}

/** The mill's flour sold on from reseller to reseller, each keeping its labels (organic). */
function buildResaleChain(generator: Generator, anchors: Map<string, SeedActor>, chain: (typeof FLOUR_RESALE_CHAINS)[number]): void {
  const { graph, population } = generator;
  let line = lineOf(anchorNamed(anchors, chain.mill), chain.productId, 'make');
  let previous: string | undefined;
  for (const name of chain.resellers) {
    const buyer = anchorNamed(anchors, name);
    const into = population.ensureLine(buyer, line.productId, line.labelIds, 'resell');
    previous = graph.trade(line, buyer, { sourcedFromIds: previous ? [previous] : [], into }).record.id;
    line = into;
  }
}

/** The uncertified reseller buys organic cherries of the Vergers de l'Ouvèze and sells them on, AB label kept. */
function buildUncertifiedResale(generator: Generator, anchors: Map<string, SeedActor>): void {
  const { graph, population } = generator;
  const farmLine = lineOf(handle(anchors, 'vergers-ouveze'), 'cerise', 'farm');
  const reseller = anchorNamed(anchors, UNCERTIFIED_ORGANIC_RESELLERS[0]);
  const into = population.ensureLine(reseller, farmLine.productId, farmLine.labelIds, 'resell');
  const bought = graph.trade(farmLine, reseller, { sourcedFromIds: [], into });
  graph.trade(into, handle(anchors, 'comptoir-clercs'), { sourcedFromIds: [bought.record.id] });
}

function anchorNamed(anchors: Map<string, SeedActor>, name: string): SeedActor {
  const actor = [...anchors.values()].find((a) => a.record.name === name);
  if (!actor) throw new Error(`no anchor named ${name}`);
  return actor;
}

function handle(anchors: Map<string, SeedActor>, name: string): SeedActor {
  const actor = anchors.get(name);
  if (!actor) throw new Error(`no anchor ${name}`);
  return actor;
}

function lineOf(actor: SeedActor, productId: string, origin: Line['origin']): Line {
  const line = actor.lines.find((l) => l.productId === productId && l.origin === origin);
  if (!line) throw new Error(`${actor.record.name} has no ${origin} line of ${productId}`);
  return line;
}

/** The constants above promise these ids to tests and documentation. */
function ensureDocumentedIds(built: string[][]): void {
  const documented = [...KNOWN_CHAINS.map((c) => c.linkIds), BROKEN_ORGANIC_CHAIN.linkIds];
  const same = built.length === documented.length && built.every((ids, i) => ids.join() === documented[i].join());
  if (!same) throw new Error(`the known chains got ids ${JSON.stringify(built)}; update KNOWN_CHAINS and BROKEN_ORGANIC_CHAIN`);
}

/**
 * Needs no supplier of the seed can meet: organic dried pasta in quantity (the only pasta maker
 * is conventional), organic butter (no organic dairy churns), fish with the sustainable-fishing
 * ecolabel (the fish wholesaler sells none).
 */
function unmetNeeds(generator: Generator, anchors: Map<string, SeedActor>): NeedRecord[] {
  const plans = [
    { actor: 'ck-vra', productId: 'pates-seches', volume: 25000, labels: ['ab'] },
    { actor: 'ck-vra', productId: 'beurre', volume: 3000, labels: ['ab'] },
    { actor: 'college-camille-vernet', productId: 'filet-poisson-blanc', volume: 2500, labels: ['ecolabel-peche-durable'] },
  ];
  return plans.map((p, i) => {
    const actor = handle(anchors, p.actor);
    return {
      id: generator.ids.need(i + 1),
      actorId: actor.record.id,
      productId: p.productId,
      volume: p.volume,
      unit: generator.economics.terms(p.productId).unit,
      requiredLabelIds: p.labels,
      months: monthsFor(actor, p.productId, generator.economics),
    };
  });
}
