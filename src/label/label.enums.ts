/** Kinds of quality label; each Label node also says whether it counts for EGalim and as organic. */
export enum LabelKind {
  ORGANIC = 'ORGANIC',
  ORGANIC_CONVERSION = 'ORGANIC_CONVERSION',
  PRIVATE_ORGANIC = 'PRIVATE_ORGANIC',
  LABEL_ROUGE = 'LABEL_ROUGE',
  AOP = 'AOP',
  AOC = 'AOC',
  IGP = 'IGP',
  STG = 'STG',
  HVE = 'HVE',
  FERMIER = 'FERMIER',
  FAIR_TRADE = 'FAIR_TRADE',
  ECOLABEL_FISHING = 'ECOLABEL_FISHING',
}

export const LABEL_KINDS = Object.values(LabelKind);
