import { DEFAULT_LOCAL_RADIUS_KM } from '../reasoning';
import { EGALIM_MEAT_FISH_SHARE, EGALIM_ORGANIC_SHARE, EGALIM_QUALITY_SHARE, MIN_CONTRIBUTORS } from './report.figures';
import type { ReportDefinitions, ReportMethod } from './report.type';

/**
 * Section 7, "Méthodes": every figure of the report defined in French, so that a reader can check
 * it by hand, and the definitions the report applied. docs/reports.md says the same in English.
 */

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The definitions a report of `year` applies. */
export function reportDefinitions(year: number): ReportDefinitions {
  return {
    local:
      `Est local un fournisseur situé à ${DEFAULT_LOCAL_RADIUS_KM} km au plus de l'acheteur, à vol d'oiseau (définition par défaut ` +
      `de Maillon, borne haute de l'ADEME ; « local » n'a pas de définition légale). La distance va du lieu du fournisseur direct ` +
      `(son point, à défaut le centre de sa commune) à celui de l'acheteur.`,
    localRadiusKm: DEFAULT_LOCAL_RADIUS_KM,
    circuitCourt:
      "Circuit court : vente directe du producteur à l'acheteur, ou avec un seul intermédiaire (ministère de l'Agriculture, 2009 ; " +
      "sans critère de distance). Un achat à un revendeur compte en circuit court quand toutes les provenances qu'il déclare " +
      "viennent directement d'un producteur ou d'un transformateur ; un revendeur qui ne déclare aucune provenance ne compte pas.",
    circuitCourtMaxIntermediaries: 1,
    year:
      `Les liens d'approvisionnement n'ont pas de date d'achat, seulement une date de début (since) et des volumes et valeurs ` +
      `annuels : un lien compte pour ${year} s'il a commencé au plus tard le 31 décembre ${year} (ou ne donne pas de date), pour ` +
      `son volume et sa valeur d'une année. Les risques et pistes d'action reprennent les questions de Maillon, qui lisent le graphe tel qu'il est.`,
    kitchens:
      'Cuisines : acteurs de rôle cantine (CANTEEN) ou cuisine centrale (CENTRAL_KITCHEN) situés dans le territoire. Acheteurs ' +
      'publics, selon leur nature juridique : acheteurs de droit public (publicBuyer : collectivités et leurs cuisines, collèges ' +
      'publics, hôpitaux publics), membres du collège des collectivités (LOCAL_AUTHORITIES) ou de rôle institution (INSTITUTION) ; ' +
      'seuls leurs chiffres sont donnés cuisine par cuisine (ils sont publics sur ma-cantine). Les autres cuisines (cliniques, ' +
      'EHPAD dont le statut n’est pas connu, sociétés de restauration) comptent dans les totaux.',
    labels:
      "Bio : label de l'agriculture biologique légale de l'UE (AB, Eurofeuille, conversion ; Label.organic). Durable et de qualité " +
      '(EGalim) : label comptant pour les 50 % EGalim (Label.egalim : Label Rouge, AOP/AOC, IGP, STG, HVE, pêche durable, fermier...), ' +
      'bio compris. Un achat compte comme tel quand son lien porte un tel label.',
    egalimTargets: { quality: EGALIM_QUALITY_SHARE, organic: EGALIM_ORGANIC_SHARE, meatFish: EGALIM_MEAT_FISH_SHARE },
    minContributors: MIN_CONTRIBUTORS,
  };
}

/** Each figure defined, in French, in the order of the report. */
export function reportMethods(year: number): ReportMethod[] {
  return [
    {
      key: 'foodSystem.actorsByRole',
      title: 'Acteurs par rôle',
      definition: "Acteurs de l'annuaire dont la commune est dans le territoire ; un acteur à deux rôles compte dans les deux.",
    },
    {
      key: 'foodSystem.productionByFamily',
      title: 'Production par filière',
      definition:
        `Ventes des fermes (rôle FARM) du territoire en ${year}, quel que soit l'acheteur, par famille d'achat ma-cantine et par ` +
        "unité (les unités ne sont jamais converties) : volumes et valeurs HT des liens d'approvisionnement.",
    },
    {
      key: 'foodSystem.transformed',
      title: 'Ce qui est transformé ici',
      definition:
        "Produits fabriqués à partir d'autres (relation MADE_FROM du produit ou d'un produit plus large) vendus par un meunier, " +
        "boulanger, laiterie, transformateur ou abattoir du territoire : nombre de transformateurs et volume vendu dans l'année.",
    },
    {
      key: 'catering.qualityShare',
      title: 'Part durable et de qualité (EGalim)',
      definition:
        `Valeur HT des achats de l'année portant un label EGalim ou bio, divisée par la valeur HT de tous les achats ; cible ` +
        `${percent(EGALIM_QUALITY_SHARE)}. L'écart en euros est ce qu'il faudrait basculer vers des produits labellisés, à achats constants : ` +
        `${percent(EGALIM_QUALITY_SHARE)} × achats − achats labellisés (0 si la cible est atteinte).`,
    },
    {
      key: 'catering.organicShare',
      title: 'Part bio',
      definition: `Valeur HT des achats bio divisée par la valeur HT des achats ; cible ${percent(EGALIM_ORGANIC_SHARE)} ; écart en euros comme ci-dessus.`,
    },
    {
      key: 'catering.meatFishQualityShare',
      title: 'Viandes et poissons durables et de qualité',
      definition:
        `Part durable et de qualité (bio compris) des achats des familles « Viandes et volailles » et « Produits aquatiques » ` +
        `réunies (la charcuterie n'en fait pas partie) ; cible ${percent(EGALIM_MEAT_FISH_SHARE)} ; aussi donnée par famille.`,
    },
    {
      key: 'catering.agrilocalShare',
      title: 'Part achetée via Agrilocal',
      definition: 'Valeur HT des achats dont le canal est Agrilocal26 (plateforme du Département), divisée par la valeur HT des achats.',
    },
    {
      key: 'localSupply.localShare',
      title: 'Part locale',
      definition: `Valeur HT des achats des acteurs du territoire à des fournisseurs locaux (à ${DEFAULT_LOCAL_RADIUS_KM} km au plus), divisée par la valeur HT de leurs achats.`,
    },
    {
      key: 'localSupply.circuitCourtShare',
      title: 'Part en circuit court',
      definition: 'Valeur HT des achats avec au plus un intermédiaire (voir la définition), divisée par la valeur HT des achats.',
    },
    {
      key: 'localSupply.weightedDistanceKm',
      title: 'Distance moyenne pondérée',
      definition:
        "Moyenne des distances à vol d'oiseau du fournisseur direct à l'acheteur, pondérée par le volume en kg (liens en kg ou en " +
        'tonnes ; les autres unités ne sont pas pesées).',
    },
    {
      key: 'localSupply.outsideShare',
      title: "Part venant de l'extérieur du territoire",
      definition:
        'Valeur HT des achats dont le fournisseur direct est situé hors du territoire, divisée par la valeur HT des achats (un ' +
        "grossiste du territoire qui revend des produits d'ailleurs compte comme intérieur).",
    },
    {
      key: 'coverage',
      title: 'Couverture des besoins',
      definition:
        "Besoins déclarés par les acteurs du territoire, couverts par leurs liens d'approvisionnement de l'année du produit ou d'un " +
        'produit plus précis portant chaque label exigé (un label bio exigé est satisfait par tout label bio) ; chaque besoin compte ' +
        'au plus son propre volume ; couverture locale : par des fournisseurs locaux. Par famille et par unité.',
    },
    {
      key: 'risks.singleSupplierNeeds',
      title: 'Besoins tenus par un seul fournisseur',
      definition:
        "Besoins couverts (même en partie) dont tous les liens couvrants viennent d'un seul fournisseur (question « supplyRisk » de Maillon).",
    },
    {
      key: 'risks.criticalActors',
      title: 'Acteurs critiques',
      definition:
        "Fournisseurs dont la disparition laisserait sans couverture le plus de besoins du territoire (ceux qu'ils couvrent seuls), " +
        "puis le plus d'acheteurs ; volumes par unité.",
    },
    {
      key: 'risks.labelIntegrity',
      title: 'Ruptures de label',
      definition:
        'Liens bio vendus par les acteurs du territoire dont une provenance déclarée (en remontant la chaîne) ne porte pas de label bio ' +
        '(question « labelIntegrity » de Maillon).',
    },
    {
      key: 'actions',
      title: "Pistes d'action",
      definition:
        `Besoins non ou partiellement couverts, avec jusqu'à trois fournisseurs locaux candidats (question « unmetNeeds » : à ` +
        `${DEFAULT_LOCAL_RADIUS_KM} km au plus, au plus un intermédiaire, produit, labels et mois du besoin) : les mises en relation à faire.`,
    },
    {
      key: 'privacy',
      title: 'Secret des données',
      definition:
        'Le rapport est public : il donne des agrégats, et des chiffres par acteur pour les seuls acheteurs publics. Un agrégat de ' +
        `moins de ${MIN_CONTRIBUTORS} acteurs dont l'un est privé n'est pas publié (secret statistique) ; aucun prix n'est publié.`,
    },
  ];
}

/** The sources of the report's data, in French. */
export const REPORT_SOURCES: readonly string[] = [
  "Annuaire et échanges du Club Drômois de l'Alimentation (acteurs, offres, besoins, liens d'approvisionnement), base Maillon.",
  "Géographie : Code officiel géographique de l'INSEE et découpage administratif (communes, EPCI, départements, populations).",
  "Règles EGalim : Code rural et de la pêche maritime, art. L230-5-1 ; familles d'achat de ma-cantine (ma-cantine.agriculture.gouv.fr).",
];
