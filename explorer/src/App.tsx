import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from './lib/router';
import { readCredential } from './lib/session';
import { CarteView } from './views/Carte';
import { FournirView } from './views/Fournir';
import { ActeurView } from './views/Acteur';
import { BesoinsView } from './views/Besoins';
import { RapportsView } from './views/Rapports';
import { ConnexionView } from './views/Connexion';

// GraphiQL is large: loaded only when the Requêtes view opens, so it is not in the first view's JavaScript.
const RequetesView = lazy(() => import('./views/Requetes'));

const NAV: Array<[path: string, label: string]> = [
  ['/', 'Carte'],
  ['/fournir', 'Qui peut fournir… ?'],
  ['/besoins', 'Besoins non couverts'],
  ['/rapports', 'Rapports'],
  ['/requetes', 'Requêtes'],
];

function useSignedIn(): boolean {
  const [signedIn, setSignedIn] = useState(() => readCredential() !== null);
  useEffect(() => {
    const update = () => setSignedIn(readCredential() !== null);
    window.addEventListener('maillon-credential', update);
    return () => window.removeEventListener('maillon-credential', update);
  }, []);
  return signedIn;
}

function View({ pathname, search }: { pathname: string; search: string }) {
  if (pathname === '/' || pathname === '/carte') return <CarteView search={search} />;
  if (pathname === '/fournir') return <FournirView search={search} />;
  if (pathname === '/besoins') return <BesoinsView search={search} />;
  if (pathname === '/rapports') return <RapportsView />;
  if (pathname === '/connexion') return <ConnexionView />;
  if (pathname === '/requetes')
    return (
      <Suspense fallback={<p role="status">Chargement de l’éditeur de requêtes…</p>}>
        <RequetesView />
      </Suspense>
    );
  const actor = /^\/acteurs\/([^/]+)$/.exec(pathname);
  if (actor) return <ActeurView id={decodeURIComponent(actor[1])} search={search} />;
  return (
    <section>
      <h1>Page introuvable</h1>
      <p>
        Cette adresse ne correspond à aucune vue. <Link href="/">Revenir à la carte</Link>.
      </p>
    </section>
  );
}

function isCurrent(path: string, pathname: string): boolean {
  return path === '/' ? pathname === '/' || pathname === '/carte' : pathname.startsWith(path);
}

export function App() {
  const { pathname, search } = useLocation();
  const signedIn = useSignedIn();
  const shownPath = useRef(pathname);
  useEffect(() => {
    // After a navigation, focus moves to the new view's heading so screen readers announce it and
    // keyboard users start there; on the first load the browser's own order (skip link first) stays.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus({ preventScroll: true });
  }, [pathname]);
  const wide = pathname === '/requetes';
  return (
    <>
      <a className="skip" href="#contenu">
        Aller au contenu
      </a>
      <header className="banner">
        <Link href="/" className="brand">
          Maillon <span>Explorer</span>
        </Link>
        <nav aria-label="Vues">
          <ul>
            {NAV.map(([path, label]) => (
              <li key={path}>
                <Link href={path} aria-current={isCurrent(path, pathname) ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
            <li>
              <Link href="/connexion" aria-current={pathname === '/connexion' ? 'page' : undefined}>
                {signedIn ? 'Connecté·e' : 'Connexion'}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="contenu" className={wide ? 'wide' : undefined}>
        <View pathname={pathname} search={search} />
      </main>
      <footer className="footer">
        <p>
          Données : graphe Maillon du Club Drômois de l’Alimentation. Contours des communes : IGN Admin Express (france-geojson, Licence
          Ouverte). API : <a href="/graphql">/graphql</a>.
        </p>
      </footer>
    </>
  );
}
