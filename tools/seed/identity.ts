import { withLuhnCheckDigit } from '../../src/records';
import type { CommuneRef } from './communes';
import type { Random } from './random';

/**
 * Fictitious identities: company names in the style of the Drôme (GAEC des Trois Chênes, Moulin de la
 * Véore), SIRETs with valid check digits, contact details that cannot reach anyone.
 */

/** Lieux-dits and house names, with their article. */
const PLACES = [
  'des Trois Chênes',
  'du Plateau',
  'de la Combe',
  'du Grand Pré',
  'des Sources',
  'de la Tour',
  'du Moulin Vieux',
  'des Genêts',
  'de la Fontaine',
  'du Serre',
  'des Granges',
  'de Bellevue',
  'du Pigeonnier',
  'des Mûriers',
  'de la Lauze',
  'des Buis',
  'du Colombier',
  'des Chaux',
  'de Champ Long',
  'des Blaches',
  'de la Roche',
  'du Clos',
  'des Hautes Terres',
  'du Vieux Chêne',
  'de la Croix',
  'des Peupliers',
  "de l'Oratoire",
  'des Cigales',
  'de la Magnanerie',
  'des Amandiers',
  "de l'Adret",
  'des Terrasses',
  'du Petit Bois',
  'des Tilleuls',
  'de la Bâtie',
  'du Chalet',
  'des Rieux',
  'de la Pinède',
  'du Mas Blanc',
  'des Lavandes',
  'de la Grange Neuve',
  'des Noyers',
  'de la Treille',
  'du Gros Chêne',
  'des Prés Verts',
  'de la Sauvagère',
  'du Cros',
  "de l'Escoulin",
];

const FAMILIES = [
  'Faure',
  'Roux',
  'Bonnet',
  'Blanc',
  'Reynaud',
  'Chapuis',
  'Arnaud',
  'Brunel',
  'Fayolle',
  'Gras',
  'Jullien',
  'Chancel',
  'Vial',
  'Peyron',
  'Dumas',
  'Mounier',
  'Bouvier',
  'Achard',
  'Giraud',
  'Rey',
  'Escoffier',
  'Barbier',
  'Berthon',
  'Combe',
  'Coste',
  'Dorier',
  'Eymard',
  'Ferlay',
  'Gauthier',
  'Granjon',
  'Imbert',
  'Lambert',
  'Monier',
  'Pélissier',
  'Reboul',
  'Sauvan',
  'Teyssier',
  'Veyret',
  'Chauvin',
  'Martinon',
  'Pinet',
  'Roustan',
  'Sabatier',
  'Tardieu',
  'Vignal',
  'Charre',
  'Bérard',
  'Mollard',
];

/** Rivers of the Drôme and around, with their article. */
const RIVERS = [
  'de la Véore',
  'du Roubion',
  "de l'Eygues",
  'de la Gervanne',
  'de la Bourne',
  'du Jabron',
  'de la Galaure',
  "de l'Herbasse",
  "de l'Ouvèze",
  'du Lez',
  'de la Sye',
  'de la Barberolle',
  'du Bez',
  'de la Joyeuse',
  "de l'Isère",
  'de la Drôme',
  "de l'Oron",
  'de la Savasse',
  'du Vercors',
  'des Baronnies',
  'de la Raye',
  'du Rhône',
];

const SCHOOLS = [
  'Jean Moulin',
  'Jules Ferry',
  'Louis Pasteur',
  'Marie Curie',
  'Victor Hugo',
  'Paul Bert',
  'Jean Jaurès',
  'Anne Frank',
  'Les Tilleuls',
  'Les Cèdres',
];
const CARE_HOMES = [
  'Les Tilleuls',
  'Les Cèdres',
  'La Roseraie',
  'Les Lavandes',
  'Le Val Fleuri',
  'Les Oliviers',
  'Les Glycines',
  'La Pastourelle',
  'Les Magnolias',
  'Le Clos des Vignes',
];

/** "de Crest", "d'Allex", "du Poët-Laval", "des Pilles", "de La Bégude-de-Mazenc". */
export function deCommune(name: string): string {
  if (name.startsWith('Le ')) return `du ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÎÔaeiouyéèêîôH]/.test(name)) return `d'${name}`;
  return `de ${name}`;
}

/** "à Crest", "au Pègue", "aux Pilles", "à La Garde-Adhémar": the French contraction of à + article. */
export function aCommune(name: string): string {
  if (name.startsWith('Le ')) return `au ${name.slice(3)}`;
  if (name.startsWith('Les ')) return `aux ${name.slice(4)}`;
  return `à ${name}`;
}

/** Lowercase ASCII words joined by `separator`: "GAEC des Trois Chênes" -> "gaec.des.trois.chenes". */
export function toSlug(text: string, separator: '.' | '-' = '.'): string {
  let out = '';
  let pendingSeparator = false;
  for (const char of text.toLowerCase()) {
    const ascii = /[a-z0-9]/.test(char) ? char : (ASCII_FOLD[char] ?? '');
    if (ascii === '') {
      pendingSeparator = out.length > 0;
      continue;
    }
    if (pendingSeparator) out += separator;
    pendingSeparator = false;
    out += ascii;
  }
  return out;
}

/** French letters with diacritics and ligatures, folded to ASCII (faster than Unicode normalisation on 100,000 names). */
const ASCII_FOLD: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ú: 'u',
  ÿ: 'y',
  ñ: 'n',
  œ: 'oe',
  æ: 'ae',
};

/** Unique names and e-mail addresses for one generated bundle. */
export class NameBook {
  private readonly names = new Set<string>();
  private readonly emails = new Set<string>();
  /** Next number to try after a clash, per base name or address (keeps 100,000 names linear). */
  private readonly nextNumber = new Map<string, number>();
  /** How often each place and family word has been used, so the next names prefer the rarer ones. */
  private readonly wordUsage = new Map<string, number>();

  /** Reserves a name given by hand (anchors), failing on duplicates so the seed stays unambiguous. */
  reserve(name: string): string {
    if (this.names.has(name)) throw new Error(`actor name "${name}" is used twice`);
    this.names.add(name);
    return name;
  }

  /**
   * A new name from the templates; on a clash, the commune and then a number tell actors apart.
   * While the book is small (the seed) a clash is redrawn; in a large graph redraws rarely help.
   */
  invent(templates: readonly string[], rng: Random, commune: CommuneRef): string {
    const attempts = this.names.size < 2000 ? 3 : 1;
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const candidate = fillTemplate(rng.pick(templates), rng, commune, this.wordUsage);
      if (!this.names.has(candidate)) return this.reserve(candidate);
    }
    const base = `${fillTemplate(rng.pick(templates), rng, commune, this.wordUsage)} (${commune.name})`;
    return this.reserve(this.firstFree(base, this.names, (n) => `${base} ${n}`));
  }

  /** contact@ style address on the reserved example domain, unique in the bundle. */
  email(name: string): string {
    const full = toSlug(name);
    const cut = full.length > 40 ? full.slice(0, 40) : full;
    const local = full.length > 40 && cut.lastIndexOf('.') > 20 ? cut.slice(0, cut.lastIndexOf('.')) : cut;
    const candidate = this.firstFree(`${local}@exemple.fr`, this.emails, (n) => `${local}.${n}@exemple.fr`);
    this.emails.add(candidate);
    return candidate;
  }

  private firstFree(base: string, taken: ReadonlySet<string>, numbered: (n: number) => string): string {
    if (!taken.has(base)) return base;
    let n = this.nextNumber.get(base) ?? 2;
    while (taken.has(numbered(n))) n += 1;
    this.nextNumber.set(base, n + 1);
    return numbered(n);
  }
}

/** Placeholders of the name templates in profiles.ts. */
const PLACEHOLDERS: Record<string, (rng: Random, commune: CommuneRef, usage: Map<string, number>) => string> = {
  lieu: (rng, _commune, usage) => leastUsed(rng, PLACES, usage),
  famille: (rng, _commune, usage) => leastUsed(rng, FAMILIES, usage),
  riviere: (rng) => rng.pick(RIVERS),
  deCommune: (_rng, commune) => deCommune(commune.name),
  commune: (_rng, commune) => commune.name,
  ecole: (rng) => `école ${rng.pick(SCHOOLS)}`,
  ehpad: (rng) => rng.pick(CARE_HOMES),
};

function fillTemplate(template: string, rng: Random, commune: CommuneRef, usage: Map<string, number>): string {
  return template.replace(/\{(\w+)\}/g, (_match, key: string) => {
    const fill = PLACEHOLDERS[key];
    if (!fill) throw new Error(`unknown placeholder {${key}} in name template "${template}"`);
    return fill(rng, commune, usage);
  });
}

/** The least used of three words drawn from the list: place and family names repeat less across the seed. */
function leastUsed(rng: Random, words: readonly string[], usage: Map<string, number>): string {
  let best = rng.pick(words);
  for (let i = 0; i < 2; i += 1) {
    const other = rng.pick(words);
    if ((usage.get(other) ?? 0) < (usage.get(best) ?? 0)) best = other;
  }
  usage.set(best, (usage.get(best) ?? 0) + 1);
  return best;
}

/**
 * Disjoint SIREN ranges, so the seed and a synthetic graph can share a database. Public bodies'
 * SIRENs begin with 1 or 2 and companies' are numbered from 3 up; none beginning with 0 was found in
 * the SIRENE register (no published rule forbids one), so these fictitious ones, all beginning with
 * 0, are very unlikely to be a real company's.
 */
export type SiretNamespace = 'seed' | 'synthetic';

const SIREN_RANGES: Record<SiretNamespace, { start: number; size: number }> = {
  seed: { start: 1_000_000, size: 5_000_000 },
  synthetic: { start: 6_000_000, size: 4_000_000 },
};
/** Odd and not a multiple of 5, hence coprime with both range sizes (2^a × 5^b): index -> base is one-to-one. */
const SIREN_STRIDE = 7_368_787;

/**
 * The SIRET of the index-th actor: a SIREN (8 digits, the first a 0, spread over the namespace's
 * range, then its Luhn digit) and the head-office NIC 0001 plus the SIRET's Luhn digit. Unique per index.
 */
export function siretFor(index: number, namespace: SiretNamespace): string {
  const { start, size } = SIREN_RANGES[namespace];
  const base = start + ((index * SIREN_STRIDE) % size);
  const siren = withLuhnCheckDigit(`00000${String(base).padStart(8, '0')}`).slice(5);
  return siretOf(siren, 1);
}

/** A SIRET of a real SIREN: the establishment's number (NIC, 4 digits) and the Luhn check digit. */
export function siretOf(siren: string, establishment: number): string {
  return withLuhnCheckDigit(`${siren}${String(establishment).padStart(4, '0')}`);
}

export function agenceBioNumberFor(index: number, namespace: SiretNamespace): string {
  const offset = namespace === 'seed' ? 100_000 : 300_000;
  return String(offset + ((index * 7919) % 199_999));
}

/**
 * Phone numbers in the ranges ARCEP reserves for fiction (04 65 71 xx xx for the South-East,
 * 06 39 98 xx xx for mobiles), so a seeded number never rings anyone.
 */
export function fictitiousPhone(rng: Random, mobile: boolean): string {
  const prefix = mobile ? '06 39 98' : '04 65 71';
  const pair = (): string => String(rng.int(0, 99)).padStart(2, '0');
  return `${prefix} ${pair()} ${pair()}`;
}
