import { ActorRole, PURCHASE_FAMILY_NAMES_FR, PurchaseFamily, VolumeUnit } from '../../records';
import { IntegrityBreakKind } from '../../reasoning';
import { ReportTerritoryKind } from '../report.type';

/** The French words the reports print for the graph's vocabularies. */

export const ROLE_NAMES_FR: Readonly<Record<ActorRole, string>> = {
  [ActorRole.FARM]: 'Exploitations agricoles',
  [ActorRole.COOPERATIVE]: 'Coopératives',
  [ActorRole.MILL]: 'Moulins et minoteries',
  [ActorRole.BAKERY]: 'Boulangeries-pâtisseries',
  [ActorRole.DAIRY]: 'Laiteries et fromageries',
  [ActorRole.PROCESSOR]: 'Autres transformateurs',
  [ActorRole.SLAUGHTERHOUSE]: 'Abattoirs et ateliers de découpe',
  [ActorRole.WHOLESALER]: 'Grossistes',
  [ActorRole.FOOD_HUB]: 'Plateformes logistiques',
  [ActorRole.RETAILER]: 'Commerces de détail',
  [ActorRole.MARKET]: 'Marchés',
  [ActorRole.RESTAURANT]: 'Restaurants',
  [ActorRole.CENTRAL_KITCHEN]: 'Cuisines centrales',
  [ActorRole.CANTEEN]: 'Restaurants scolaires et collectifs',
  [ActorRole.INSTITUTION]: 'Institutions',
};

/** The rules a label-integrity break breaks (docs/reasoning.md, "Label integrity"). */
export const INTEGRITY_BREAK_NAMES_FR: Readonly<Record<IntegrityBreakKind, string>> = {
  [IntegrityBreakKind.LABEL_LOST]: 'Intrant sans le label',
  [IntegrityBreakKind.CONVENTIONAL_FEED]: 'Aliment du bétail non bio',
  [IntegrityBreakKind.UNCERTIFIED_OPERATOR]: 'Opérateur non certifié bio',
};

/** Units as printed after a number (« 1 200 kg »). */
export const UNIT_SYMBOLS_FR: Readonly<Record<VolumeUnit, string>> = {
  [VolumeUnit.KG]: 'kg',
  [VolumeUnit.TONNE]: 't',
  [VolumeUnit.LITRE]: 'L',
  [VolumeUnit.HECTOLITRE]: 'hL',
  [VolumeUnit.UNIT]: 'unités',
  [VolumeUnit.DOZEN]: 'douzaines',
  [VolumeUnit.MEAL]: 'repas',
};

export const TERRITORY_KINDS_FR: Readonly<Record<ReportTerritoryKind, string>> = {
  [ReportTerritoryKind.COMMUNE]: 'Commune',
  [ReportTerritoryKind.EPCI]: 'Intercommunalité (EPCI)',
  [ReportTerritoryKind.DEPARTMENT]: 'Département',
};

/** ma-cantine's name of a family (the report also carries it; this serves where only the code is at hand). */
export function familyNameFr(family: PurchaseFamily): string {
  return PURCHASE_FAMILY_NAMES_FR[family];
}

/** The first role of an actor, in French and singular enough for a legend (« Exploitations agricoles »). */
export function mainRoleFr(roles: ActorRole[]): string {
  return roles.length === 0 ? 'Autres' : ROLE_NAMES_FR[roles[0]!];
}

/** UNMET / PARTIAL as the action list prints them. */
export function coverageFr(coverage: string): string {
  return coverage === 'UNMET' ? 'non couvert' : coverage === 'PARTIAL' ? 'couvert en partie' : coverage;
}
