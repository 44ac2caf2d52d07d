import { useEffect, useState } from 'react';

/** Run-time settings the server gives (src/http/explorer.ts): the optional tile layer. */
export interface ExplorerConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
}

let configPromise: Promise<ExplorerConfig> | null = null;

export function useExplorerConfig(): ExplorerConfig | null {
  const [config, setConfig] = useState<ExplorerConfig | null>(null);
  useEffect(() => {
    configPromise ??= fetch('/explorer/config.json')
      .then((res) => (res.ok ? (res.json() as Promise<ExplorerConfig>) : { tileUrl: null, tileAttribution: null }))
      .catch(() => ({ tileUrl: null, tileAttribution: null }));
    let live = true;
    void configPromise.then((loaded) => live && setConfig(loaded));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
