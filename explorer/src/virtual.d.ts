/** Built by explorer/vite.config.ts from seeds/communes-drome-and-neighbours.csv. */
declare module 'virtual:drome-territories' {
  export const EPCIS: Array<{ siren: string; name: string }>;
}
