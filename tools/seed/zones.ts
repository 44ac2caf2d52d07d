import type { CommuneRef } from './communes';
import { Random, WeightedPicker } from './random';

/**
 * Where each kind of actor sits: the production areas of the Drôme filières (communes chosen by
 * INSEE code from seeds/communes-drome-and-neighbours.csv, name in a comment) and population-
 * weighted areas for bakeries, shops and kitchens. Resolving a zone fails loudly on a code missing
 * from the communes file, so no code is ever invented.
 */
const AREAS = {
  /** Cereals, poultry and market gardens of the Valence plain (the organic silo of Chabeuil). */
  valencePlain: [
    '26064' /* Chabeuil */,
    '26197' /* Montélier */,
    '26004' /* Alixan */,
    '26124' /* Étoile-sur-Rhône */,
    '26037' /* Beaumont-lès-Valence */,
    '26206' /* Montmeyran */,
    '26358' /* Upie */,
    '26170' /* Malissard */,
    '26212' /* Montvendre */,
    '26084' /* Châteauneuf-sur-Isère */,
    '26088' /* Chatuzange-le-Goubet */,
    '26173' /* Marches */,
    '26049' /* Bésayes */,
    '26079' /* Charpey */,
    '26196' /* Montéléger */,
    '26042' /* Beauvallon */,
    '26032' /* La Baume-Cornillane */,
    '26224' /* Ourches */,
    '26313' /* Saint-Marcel-lès-Valence */,
    '26024' /* Barcelonne */,
    '26232' /* Peyrus */,
    '26081' /* Châteaudouble */,
    '26252' /* Portes-lès-Valence */,
  ],
  /** Lower Drôme valley and the Biovallée: cereals, poultry, vegetables, orchards. */
  valDeDrome: [
    '26006' /* Allex */,
    '26144' /* Grane */,
    '26065' /* Chabrillan */,
    '26125' /* Eurre */,
    '26165' /* Livron-sur-Drôme */,
    '26166' /* Loriol-sur-Drôme */,
    '26208' /* Montoison */,
    '26007' /* Ambonil */,
    '26115' /* Divajeu */,
    '26021' /* Autichamp */,
    '26277' /* La Roche-sur-Grane */,
    '26097' /* Cliousclat */,
    '26185' /* Mirmande */,
    '26337' /* Saulce-sur-Rhône */,
    '26108' /* Crest */,
    '26011' /* Aouste-sur-Sye */,
    '26234' /* Piégros-la-Clastre */,
    '26365' /* Vaunaveys-la-Rochette */,
    '26346' /* Suze */,
    '26336' /* Saou */,
  ],
  /** Drôme des collines: cereals, cattle, pigs. */
  collines: [
    '26301' /* Saint-Donat-sur-l'Herbasse */,
    '26207' /* Montmiral */,
    '26107' /* Crépol */,
    '26319' /* Saint-Michel-sur-Savasse */,
    '26148' /* Hauterives */,
    '26143' /* Le Grand-Serre */,
    '26349' /* Tersanne */,
    '26298' /* Saint-Christophe-et-le-Laris */,
    '26194' /* Montchenu */,
    '26028' /* Bathernay */,
    '26259' /* Ratières */,
    '26083' /* Châteauneuf-de-Galaure */,
    '26293' /* Saint-Avit */,
    '26094' /* Claveyson */,
    '26077' /* Charmes-sur-l'Herbasse */,
    '26174' /* Margès */,
    '26140' /* Geyssans */,
    '26231' /* Peyrins */,
    '26294' /* Saint-Bardoux */,
    '26210' /* Valherbasse */,
    '26014' /* Arthémonay */,
    '26177' /* Marsaz */,
    '26061' /* Bren */,
    '26092' /* Chavannes */,
    '26314' /* Saint-Martin-d'Août */,
    '26216' /* Saint-Jean-de-Galaure */,
  ],
  /** Valloire and the northern Rhône valley: orchards (apricots, peaches, cherries), cereals. */
  valloire: [
    '26010' /* Anneyron */,
    '26002' /* Albon */,
    '26325' /* Saint-Rambert-d'Albon */,
    '26330' /* Saint-Sorlin-en-Valloire */,
    '26155' /* Lapeyrouse-Mornay */,
    '26213' /* Moras-en-Valloire */,
    '26172' /* Manthes */,
    '26118' /* Épinouze */,
    '26041' /* Beausemblant */,
    '26160' /* Laveyron */,
    '26009' /* Andancette */,
    '26332' /* Saint-Uze */,
    '26295' /* Saint-Barthélemy-de-Vals */,
    '26133' /* Fay-le-Clos */,
    '26162' /* Lens-Lestang */,
    '26333' /* Saint-Vallier */,
    '26247' /* Ponsas */,
  ],
  /** The eleven communes of Crozes-Hermitage (Hermitage hill at Tain). */
  hermitage: [
    '26347' /* Tain-l'Hermitage */,
    '26179' /* Mercurol-Veaunes */,
    '26110' /* Crozes-Hermitage */,
    '26156' /* Larnage */,
    '26380' /* Gervans */,
    '26119' /* Érôme */,
    '26341' /* Serves-sur-Rhône */,
    '26071' /* Chanos-Curson */,
    '26038' /* Beaumont-Monteux */,
    '26250' /* Pont-de-l'Isère */,
    '26271' /* La Roche-de-Glun */,
  ],
  /** Orchards around Tain and the Herbasse. */
  archeFruit: [
    '26072' /* Chantemerle-les-Blés */,
    '26179' /* Mercurol-Veaunes */,
    '26071' /* Chanos-Curson */,
    '26038' /* Beaumont-Monteux */,
    '26096' /* Clérieux */,
    '26379' /* Granges-les-Beaumont */,
    '26119' /* Érôme */,
    '26156' /* Larnage */,
    '26250' /* Pont-de-l'Isère */,
    '26301' /* Saint-Donat-sur-l'Herbasse */,
    '26177' /* Marsaz */,
    '26174' /* Margès */,
  ],
  /** Royans and lower Isère valley in the Drôme: Noix de Grenoble, ravioles. */
  royansDrome: [
    '26307' /* Saint-Jean-en-Royans */,
    '26320' /* Saint-Nazaire-en-Royans */,
    '26311' /* Saint-Laurent-en-Royans */,
    '26302' /* Sainte-Eulalie-en-Royans */,
    '26270' /* Rochechinard */,
    '26331' /* Saint-Thomas-en-Royans */,
    '26223' /* Oriol-en-Royans */,
    '26217' /* La Motte-Fanjas */,
    '26316' /* Saint-Martin-le-Colonel */,
    '26149' /* Hostun */,
    '26129' /* Eymeux */,
    '26381' /* Jaillans */,
    '26034' /* La Baume-d'Hostun */,
    '26039' /* Beauregard-Baret */,
    '26273' /* Rochefort-Samson */,
  ],
  /** Saint-Marcellin Vercors Isère (38): walnuts, cow milk, Saint-Marcellin. */
  royansIsere: [
    '38416' /* Saint-Marcellin */,
    '38559' /* Vinay */,
    '38095' /* Chatte */,
    '38454' /* Saint-Sauveur */,
    '38394' /* Saint-Hilaire-du-Rosier */,
    '38453' /* Saint-Romans */,
    '38004' /* L'Albenc */,
    '38310' /* Poliénas */,
    '38410' /* Saint-Lattier */,
    '38463' /* Saint-Vérand */,
    '38500' /* Têche */,
    '38033' /* Beaulieu */,
    '38523' /* Varacieux */,
    '38409' /* Saint-Just-de-Claix */,
    '38018' /* Auberives-en-Royans */,
    '38036' /* Beauvoir-en-Royans */,
    '38356' /* Saint-André-en-Royans */,
    '38319' /* Pont-en-Royans */,
  ],
  /** Vercors plateau: cattle, cow milk, Bleu du Vercors-Sassenage. */
  vercors: [
    '26074' /* La Chapelle-en-Vercors */,
    '26364' /* Vassieux-en-Vercors */,
    '26290' /* Saint-Agnan-en-Vercors */,
    '26315' /* Saint-Martin-en-Vercors */,
    '26309' /* Saint-Julien-en-Vercors */,
    '26059' /* Bouvante */,
    '26163' /* Léoncel */,
    '26117' /* Échevis */,
    '26066' /* Le Chaffal */,
  ],
  /** Diois: goats (Picodon), sheep, lavender, petit épeautre, honey. */
  diois: [
    '26113' /* Die */,
    '26086' /* Châtillon-en-Diois */,
    '26167' /* Luc-en-Diois */,
    '26178' /* Menglon */,
    '26327' /* Saint-Roman */,
    '26248' /* Pontaix */,
    '26027' /* Barsac */,
    '26299' /* Sainte-Croix */,
    '26175' /* Marignac-en-Diois */,
    '26282' /* Romeyer */,
    '26159' /* Laval-d'Aix */,
    '26262' /* Recoubeau-Jansac */,
    '26215' /* La Motte-Chalancon */,
    '26321' /* Saint-Nazaire-le-Désert */,
    '26069' /* Chamaloc */,
    '26001' /* Solaure en Diois */,
    '26308' /* Saint-Julien-en-Quint */,
    '26040' /* Beaurières */,
    '26168' /* Lus-la-Croix-Haute */,
    '26142' /* Glandage */,
    '26361' /* Valdrôme */,
    '26253' /* Poyols */,
    '26047' /* Bellegarde-en-Diois */,
    '26152' /* Jonchères */,
  ],
  /** Vineyards of the Clairette de Die, from Aouste to Luc-en-Diois. */
  clairette: [
    '26113' /* Die */,
    '26289' /* Saillans */,
    '26368' /* Vercheny */,
    '26299' /* Sainte-Croix */,
    '26248' /* Pontaix */,
    '26027' /* Barsac */,
    '26019' /* Aurel */,
    '26122' /* Espenel */,
    '26327' /* Saint-Roman */,
    '26086' /* Châtillon-en-Diois */,
    '26178' /* Menglon */,
    '26167' /* Luc-en-Diois */,
    '26011' /* Aouste-sur-Sye */,
    '26234' /* Piégros-la-Clastre */,
    '26183' /* Mirabel-et-Blacons */,
    '26328' /* Saint-Sauveur-en-Diois */,
    '26025' /* Barnave */,
    '26205' /* Montmaur-en-Diois */,
  ],
  /** Pays de Dieulefit-Bourdeaux: goats (Picodon). */
  dieulefit: [
    '26114' /* Dieulefit */,
    '26056' /* Bourdeaux */,
    '26243' /* Le Poët-Laval */,
    '26045' /* La Bégude-de-Mazenc */,
    '26373' /* Vesc */,
    '26101' /* Comps */,
    '26131' /* Eyzahut */,
    '26202' /* Montjoux */,
    '26350' /* Teyssières */,
    '26268' /* Rochebaudin */,
    '26111' /* Crupies */,
    '26060' /* Bouvières */,
    '26249' /* Pont-de-Barret */,
    '26356' /* Truinas */,
    '26343' /* Souspierre */,
    '26334' /* Salettes */,
    '26222' /* Orcinas */,
    '26051' /* Bézaudun-sur-Bîne */,
    '26276' /* Roche-Saint-Secret-Béconne */,
  ],
  /** Nyonsais and lower Baronnies: olives (tanche), apricots, goats. */
  nyonsOlives: [
    '26220' /* Nyons */,
    '26182' /* Mirabel-aux-Baronnies */,
    '26377' /* Vinsobres */,
    '26367' /* Venterol */,
    '26238' /* Les Pilles */,
    '26317' /* Saint-Maurice-sur-Eygues */,
    '26233' /* Piégon */,
    '26180' /* Mérindol-les-Oliviers */,
    '26016' /* Aubres */,
    '26103' /* Condorcet */,
    '26082' /* Châteauneuf-de-Bordette */,
    '26063' /* Buis-les-Baronnies */,
    '26304' /* Saint-Ferréol-Trente-Pas */,
    '26306' /* Sainte-Jalle */,
    '26112' /* Curnier */,
    '26127' /* Eygaliers */,
    '26188' /* Mollans-sur-Ouvèze */,
    '26256' /* Propiac */,
    '26236' /* Pierrelongue */,
    '26043' /* Beauvoisin */,
    '26048' /* Bénivay-Ollon */,
  ],
  /** High Baronnies: lavender, lime blossom, sheep (Agneau de Sisteron), apricots. */
  baronniesHigh: [
    '26340' /* Séderon */,
    '26193' /* Montbrun-les-Bains */,
    '26135' /* Ferrassières */,
    '26126' /* Eygalayes */,
    '26022' /* Ballons */,
    '26150' /* Izon-la-Bruisse */,
    '26026' /* Barret-de-Lioure */,
    '26181' /* Mévouillon */,
    '26189' /* Montauban-sur-l'Ouvèze */,
    '26264' /* Rémuzat */,
    '26288' /* Sahune */,
    '26292' /* Saint-Auban-sur-l'Ouvèze */,
    '26239' /* Plaisians */,
    '26278' /* La Roche-sur-le-Buis */,
    '26063' /* Buis-les-Baronnies */,
    '26154' /* Lachau */,
    '26153' /* Laborel */,
    '26374' /* Villebois-les-Pins */,
    '26370' /* Vercoiran */,
    '26269' /* Rochebrune */,
    '26104' /* Cornillac */,
    '26369' /* Verclause */,
    '26376' /* Villeperdrix */,
    '26013' /* Arpavon */,
    '26244' /* Le Poët-Sigillat */,
    '26329' /* Saint-Sauveur-Gouvernet */,
  ],
  /** Tricastin: durum wheat, vegetables, truffles, almonds, wine. */
  tricastin: [
    '26235' /* Pierrelatte */,
    '26324' /* Saint-Paul-Trois-Châteaux */,
    '26345' /* Suze-la-Rousse */,
    '26357' /* Tulette */,
    '26054' /* Bouchet */,
    '26275' /* Rochegude */,
    '26138' /* La Garde-Adhémar */,
    '26116' /* Donzère */,
    '26169' /* Malataverne */,
    '26326' /* Saint-Restitut */,
    '26093' /* Clansayes */,
    '26342' /* Solérieux */,
    '26033' /* La Baume-de-Transit */,
    '26145' /* Les Granges-Gontardes */,
  ],
  /** Pays de Grignan and the Enclave: Grignan-les-Adhémar, lavandin, truffles, almonds. */
  grignan: [
    '26146' /* Grignan */,
    '26070' /* Chamaret */,
    '26360' /* Valaurie */,
    '26284' /* Roussas */,
    '26261' /* Réauville */,
    '26211' /* Montségur-sur-Lauzon */,
    '26099' /* Colonzelle */,
    '26348' /* Taulignan */,
    '26335' /* Salles-sous-Bois */,
    '26073' /* Chantemerle-lès-Grignan */,
    '26203' /* Montjoyer */,
    '26226' /* Le Pègue */,
    '26285' /* Rousset-les-Vignes */,
    '26322' /* Saint-Pantaléon-les-Vignes */,
    '26192' /* Montbrison-sur-Lez */,
    '26003' /* Aleyrac */,
  ],
  /** Côtes-du-Rhône villages of the southern Drôme, Vinsobres. */
  cdrSouthDrome: [
    '26377' /* Vinsobres */,
    '26317' /* Saint-Maurice-sur-Eygues */,
    '26285' /* Rousset-les-Vignes */,
    '26322' /* Saint-Pantaléon-les-Vignes */,
    '26345' /* Suze-la-Rousse */,
    '26357' /* Tulette */,
    '26275' /* Rochegude */,
    '26326' /* Saint-Restitut */,
    '26054' /* Bouchet */,
    '26367' /* Venterol */,
    '26182' /* Mirabel-aux-Baronnies */,
  ],
  /** Côtes-du-Rhône villages of the Vaucluse next door (Valréas, Cairanne...). */
  cdrVaucluse: [
    '84138' /* Valréas */,
    '84028' /* Cairanne */,
    '84096' /* Rasteau */,
    '84137' /* Vaison-la-Romaine */,
    '84146' /* Villedieu */,
    '84022' /* Buisson */,
    '84117' /* Saint-Roman-de-Malegarde */,
    '84104' /* Sablet */,
    '84126' /* Séguret */,
    '84098' /* Roaix */,
  ],
  /** Valdaine and the Marsanne area: Ail de la Drôme. */
  garlic: [
    '26176' /* Marsanne */,
    '26339' /* Savasse */,
    '26312' /* Saint-Marcel-lès-Sauzet */,
    '26338' /* Sauzet */,
    '26157' /* La Laupie */,
    '26095' /* Cléon-d'Andran */,
    '26052' /* Bonlieu-sur-Roubion */,
    '26305' /* Saint-Gervais-sur-Roubion */,
    '26078' /* Charols */,
    '26102' /* Condillac */,
    '26106' /* La Coucourde */,
    '26353' /* Les Tourrettes */,
    '26258' /* Puy-Saint-Martin */,
    '26287' /* Roynac */,
    '26171' /* Manas */,
    '26031' /* La Bâtie-Rolland */,
    '26121' /* Espeluche */,
    '26191' /* Montboucher-sur-Jabron */,
    '26257' /* Puygiron */,
    '26005' /* Allan */,
    '26085' /* Châteauneuf-du-Rhône */,
    '26008' /* Ancône */,
    '26251' /* Portes-en-Valdaine */,
    '26272' /* Rochefort-en-Valdaine */,
    '26352' /* La Touche */,
  ],
  /** Around Sisteron (04): lamb, a lavender distillery. */
  sisteronAlps: ['04209' /* Sisteron */, '04123' /* Mison */, '04231' /* Valernes */, '04233' /* Vaumeilh */],
  /** Buëch and Baronnies of the Hautes-Alpes (05): lamb. */
  sisteronHautesAlpes: [
    '05070' /* Laragne-Montéglin */,
    '05166' /* Serres */,
    '05097' /* Orpierre */,
    '05117' /* Ribeyret */,
    '05126' /* Rosans */,
    '05173' /* Upaix */,
    '05073' /* Lazer */,
  ],
  /** Ardèche uplands: chestnuts, goats (Picodon). */
  ardecheChestnut: [
    '07186' /* Privas */,
    '07129' /* Lamastre */,
    '07079' /* Désaignes */,
    '07338' /* Vernoux-en-Vivarais */,
    '07253' /* Saint-Julien-du-Gua */,
    '07019' /* Aubenas */,
    '07331' /* Vals-les-Bains */,
    '07286' /* Saint-Pierreville */,
  ],
  /** Ardèche bank of the Rhône: orchards, mills. */
  ardecheRhone: [
    '07324' /* Tournon-sur-Rhône */,
    '07228' /* Saint-Désirat */,
    '07308' /* Sarras */,
    '07009' /* Andance */,
    '07313' /* Serrières */,
    '07281' /* Saint-Péray */,
    '07102' /* Guilherand-Granges */,
  ],
  /** Where pogne is every bakery's pride. */
  romansValence: [
    '26281' /* Romans-sur-Isère */,
    '26057' /* Bourg-de-Péage */,
    '26362' /* Valence */,
    '26058' /* Bourg-lès-Valence */,
    '26313' /* Saint-Marcel-lès-Valence */,
    '26088' /* Chatuzange-le-Goubet */,
    '26218' /* Mours-Saint-Eusèbe */,
    '26252' /* Portes-lès-Valence */,
  ],
  /** Towns where restaurants and visitors gather in the Drôme provençale and the Diois. */
  touristTowns: [
    '26220' /* Nyons */,
    '26113' /* Die */,
    '26146' /* Grignan */,
    '26114' /* Dieulefit */,
    '26063' /* Buis-les-Baronnies */,
    '26347' /* Tain-l'Hermitage */,
    '26289' /* Saillans */,
    '26324' /* Saint-Paul-Trois-Châteaux */,
    '26074' /* La Chapelle-en-Vercors */,
    '26307' /* Saint-Jean-en-Royans */,
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Where an appellation's raw material must come from (its specification's geographical area), as
 * communes of the areas above or whole departments: the wine of an appellation from grapes of its
 * communes, Picodon from goat milk of the Drôme and the Ardèche. Simplified to the communes the
 * seed places actors in; appellations that fix only where the product is made (Nougat de
 * Montélimar, Raviole du Dauphiné) have no entry.
 * Sources: INAO specifications (cahiers des charges) of each AOC/AOP/IGP.
 */
const APPELLATION_AREAS: Readonly<
  Record<string, { areas?: readonly AreaKey[]; communes?: readonly string[]; departments?: readonly string[] }>
> = {
  'vinsobres-aop': { communes: ['26377' /* Vinsobres: the appellation is its one commune */] },
  'clairette-de-die-aoc': { areas: ['clairette'] },
  'cremant-de-die-aoc': { areas: ['clairette'] },
  'crozes-hermitage-aop': { areas: ['hermitage'] },
  'hermitage-aop': { communes: ['26347' /* Tain-l'Hermitage */, '26110' /* Crozes-Hermitage */, '26156' /* Larnage */] },
  'grignan-les-adhemar-aop': { areas: ['grignan'] },
  'cotes-du-rhone-aop': { areas: ['cdrSouthDrome', 'cdrVaucluse', 'grignan', 'tricastin', 'nyonsOlives'] },
  'picodon-aop': { departments: ['26', '07'] },
  'huile-olive-nyons-aop': { areas: ['nyonsOlives'] },
  'olives-noires-nyons-aop': { areas: ['nyonsOlives'] },
  'noix-de-grenoble-aop': { areas: ['royansIsere', 'royansDrome'] },
  'saint-marcellin-igp': { departments: ['38', '26'] },
  'bleu-du-vercors-sassenage-aop': { areas: ['vercors', 'royansIsere'] },
  'he-lavande-haute-provence-aop': { departments: ['26', '04', '05', '84'] },
};

/** An appellation's area: the communes (INSEE) and departments its raw material may come from. */
export interface AppellationArea {
  communes: ReadonlySet<string>;
  departments: ReadonlySet<string>;
}

/** The area of an appellation label, or null when its specification fixes none for the inputs. */
export function appellationArea(labelId: string): AppellationArea | null {
  const spec = APPELLATION_AREAS[labelId];
  if (!spec) return null;
  const communes = new Set([...(spec.communes ?? []), ...(spec.areas ?? []).flatMap((key) => AREAS[key])]);
  return { communes, departments: new Set(spec.departments ?? []) };
}

export function isInArea(area: AppellationArea, commune: { insee: string; department: string }): boolean {
  return area.communes.has(commune.insee) || area.departments.has(commune.department);
}

const VALENCE_ROMANS_AGGLO = '200068781';
const MONTELIMAR_AGGLO = '200040459';

type AreaKey = keyof typeof AREAS;

/** Zones made of the areas above, or of communes selected by rule. */
export type ZoneKey = AreaKey | 'dromeTowns' | 'valenceRomansAgglo' | 'montelimarAgglo';

/** A zone resolved against the communes file: its communes and a population-aware picker. */
export interface Zone {
  key: ZoneKey;
  communes: readonly CommuneRef[];
  pick(rng: Random): CommuneRef;
}

/** Resolves zones once per run; picks communes deterministically from the caller's generator. */
export class ZoneAtlas {
  private readonly byInsee = new Map<string, CommuneRef>();
  private readonly zones = new Map<ZoneKey, Zone>();

  constructor(readonly communes: readonly CommuneRef[]) {
    for (const c of communes) this.byInsee.set(c.insee, c);
  }

  commune(insee: string): CommuneRef {
    const c = this.byInsee.get(insee);
    if (!c) throw new Error(`commune ${insee} is not in seeds/communes-drome-and-neighbours.csv`);
    return c;
  }

  zone(key: ZoneKey): Zone {
    const cached = this.zones.get(key);
    if (cached) return cached;
    const { communes, weight } = this.select(key);
    if (communes.length === 0) throw new Error(`zone ${key} has no commune in the communes file`);
    const picker = new WeightedPicker(communes, communes.map(weight));
    const zone: Zone = { key, communes, pick: (rng) => picker.pick(rng) };
    this.zones.set(key, zone);
    return zone;
  }

  /** Production areas weigh communes alike; towns weigh them by population (more people, more bakeries). */
  private select(key: ZoneKey): { communes: CommuneRef[]; weight: (c: CommuneRef) => number } {
    const all = this.communes;
    switch (key) {
      case 'dromeTowns':
        return { communes: all.filter((c) => c.department === '26' && c.population >= 1500), weight: (c) => c.population ** 0.8 };
      case 'valenceRomansAgglo':
        return { communes: all.filter((c) => c.epciSiren === VALENCE_ROMANS_AGGLO), weight: (c) => c.population };
      case 'montelimarAgglo':
        return { communes: all.filter((c) => c.epciSiren === MONTELIMAR_AGGLO), weight: (c) => c.population };
      default:
        return { communes: AREAS[key].map((insee) => this.commune(insee)), weight: () => 1 };
    }
  }
}
