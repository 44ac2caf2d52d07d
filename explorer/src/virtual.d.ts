/** Built by explorer/vite.config.ts from seeds/communes-drome-and-neighbours.csv. */
declare module 'virtual:drome-territories' {
  export const EPCIS: Array<{ siren: string; name: string }>;
}

/** Built by explorer/vite.config.ts from seeds/geo/communes-26-drome.geojson: the URL of the simplified outlines. */
declare module 'virtual:commune-outlines' {
  const url: string;
  export default url;
}
