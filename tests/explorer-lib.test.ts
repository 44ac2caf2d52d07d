import fs from 'node:fs';
import path from 'node:path';
import { junctionsOf, simplifyLine, simplifyOutlines, type OutlineCollection, type Position } from '../explorer/build/outlines';
import { ApiError, refusalMessage } from '../explorer/src/lib/api-errors';
import { organicBreaks } from '../explorer/src/lib/chain';
import { toCsv } from '../explorer/src/lib/csv';
import { explainMatch } from '../explorer/src/lib/explain';
import { formatDistance, formatIntermediaries, formatMonths, formatVolume, roleName } from '../explorer/src/lib/format';
import { markerLabel, nextMarkerIndex } from '../explorer/src/lib/map-keyboard';
import { readState, writeState, type Fields } from '../explorer/src/lib/url-state';

/**
 * The explorer's front-end logic that runs without a browser: URL state (deep links), French
 * formatting of distances, volumes and months, the CSV export, the explanation of a match, the
 * detection of organic breaks in a chain, the map's keyboard, the sign-in's messages, and the
 * build-time simplification of the commune outlines.
 */

describe('URL state of the views', () => {
  const fields = {
    product: { param: 'produit', kind: 'string', default: '' },
    organic: { param: 'bio', kind: 'boolean', default: false },
    months: { param: 'mois', kind: 'numbers', default: [] },
    labels: { param: 'labels', kind: 'strings', default: [] },
    maxIntermediaries: { param: 'inter', kind: 'number', default: 1 },
  } satisfies Fields;

  it('reads every kind of field from the query string, defaults for what is missing', () => {
    expect(readState(fields, '?produit=farine&bio=1&mois=3,4,12&labels=ab,hve&inter=2')).toEqual({
      product: 'farine',
      organic: true,
      months: [3, 4, 12],
      labels: ['ab', 'hve'],
      maxIntermediaries: 2,
    });
    expect(readState(fields, '')).toEqual({ product: '', organic: false, months: [], labels: [], maxIntermediaries: 1 });
  });

  it('falls back to the default for unreadable values and drops bad months', () => {
    expect(readState(fields, '?inter=deux&mois=1,x,,2.5,6')).toMatchObject({ maxIntermediaries: 1, months: [1, 6] });
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(writeState(fields, { product: '', organic: false, months: [], labels: [], maxIntermediaries: 1 })).toBe('');
    const state = { product: 'pain de campagne', organic: true, months: [1, 2], labels: [], maxIntermediaries: 0 };
    const query = writeState(fields, state);
    expect(query).toBe('?produit=pain+de+campagne&bio=1&mois=1%2C2&inter=0');
    expect(readState(fields, query)).toEqual(state);
  });
});

describe('French formatting', () => {
  it('formats distances in metres under a kilometre, one decimal under 100 km', () => {
    expect(formatDistance(0.42)).toBe('420 m');
    expect(formatDistance(12.44)).toBe('12,4 km');
    expect(formatDistance(143.6)).toBe('144 km');
    expect(formatDistance(null)).toBe('—');
  });

  it('formats volumes with their unit, large kilograms in tonnes, hidden ones as confidential', () => {
    expect(formatVolume(12_500, 'KG')).toBe('12,5 t');
    expect(formatVolume(850, 'KG')).toBe('850 kg');
    expect(formatVolume(1, 'LITRE')).toBe('1 litre');
    expect(formatVolume(3, 'DOZEN')).toBe('3 douzaines');
    expect(formatVolume(null, 'KG')).toBe('confidentiel');
  });

  it('writes months as runs, a run across the new year as one', () => {
    expect(formatMonths([3, 4, 5, 6, 9])).toBe('mars à juin, septembre');
    expect(formatMonths([11, 12, 1, 2])).toBe('novembre à février');
    expect(formatMonths([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe('toute l’année');
    expect(formatMonths([])).toBe('—');
  });

  it('names roles and intermediaries in French', () => {
    expect(roleName('MILL')).toBe('moulin');
    expect(roleName('CENTRAL_KITCHEN')).toBe('cuisine centrale');
    expect(formatIntermediaries(0)).toBe('vente directe');
    expect(formatIntermediaries(2)).toBe('2 intermédiaires');
  });
});

describe('the CSV export', () => {
  it('writes a BOM, semicolons, CRLF, decimal commas, and quotes cells that need it', () => {
    const csv = toCsv(
      ['Acheteur', 'Volume'],
      [
        ['Collège « Le Bois; Joli »', 12.5],
        ['Dit "Chez Paul"', null],
      ],
    );
    expect(csv).toBe('\uFEFFAcheteur;Volume\r\n"Collège « Le Bois; Joli »";12,5\r\n"Dit ""Chez Paul""";\r\n');
  });
});

describe('the explanation of a match', () => {
  it('says who, what, when, how far and through whom', () => {
    const text = explainMatch(
      {
        supplier: { name: 'Moulin de la Véore', roles: ['MILL'], commune: { name: 'Montvendre' } },
        product: { name: 'Farine de blé T80' },
        labels: [{ name: 'AB' }],
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        capacity: 40_000,
        capacityUnit: 'KG',
        distanceKm: 14.26,
        intermediaries: 1,
        circuitCourt: true,
        path: [
          { kind: 'SUPPLIER', distanceKm: null, actor: { name: 'Moulin de la Véore' }, role: 'MILL' },
          { kind: 'INTERMEDIARY', distanceKm: 9, actor: { name: 'Levain de la Véore' }, role: 'BAKERY' },
          { kind: 'BUYER', distanceKm: 6, actor: { name: 'Cuisine centrale' }, role: 'CENTRAL_KITCHEN' },
        ],
      },
      'Cuisine centrale',
    );
    expect(text).toBe(
      'Moulin de la Véore (moulin, Montvendre) propose Farine de blé T80, sous AB, disponible toute l’année ; capacité 40 t par an. ' +
        'Il livre Cuisine centrale par 1 intermédiaire (Levain de la Véore), à 14,3 km : circuit court.',
    );
  });
});

describe('organic breaks in a chain', () => {
  const AB = { id: 'ab', name: 'AB', organic: true };
  const HVE = { id: 'hve', name: 'HVE', organic: false };
  it('flags an input without an organic label under organic goods, and nothing else', () => {
    const breaks = organicBreaks([
      { link: { id: 'bread' }, sourcedFromIds: ['flour'], labels: [AB] },
      { link: { id: 'flour' }, sourcedFromIds: ['wheat-a', 'wheat-b'], labels: [AB] },
      { link: { id: 'wheat-a' }, sourcedFromIds: [], labels: [AB] },
      { link: { id: 'wheat-b' }, sourcedFromIds: [], labels: [HVE] },
      { link: { id: 'conventional-bread' }, sourcedFromIds: ['conventional-flour'], labels: [] },
      { link: { id: 'conventional-flour' }, sourcedFromIds: [], labels: [] },
    ]);
    expect([...breaks]).toEqual(['wheat-b']);
  });
});

describe("the map's keyboard", () => {
  it('moves the roving focus with the arrows (wrapping around), Home and End, and ignores other keys', () => {
    expect(nextMarkerIndex('ArrowRight', 0, 3)).toBe(1);
    expect(nextMarkerIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextMarkerIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextMarkerIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextMarkerIndex('Home', 2, 3)).toBe(0);
    expect(nextMarkerIndex('End', 0, 3)).toBe(2);
    expect(nextMarkerIndex('Enter', 1, 3)).toBeNull();
    expect(nextMarkerIndex('ArrowRight', 0, 0)).toBeNull();
  });

  it('names a marker after its actor and roles, in French', () => {
    expect(markerLabel({ name: 'Moulin de la Véore', roles: ['MILL', 'WHOLESALER'] })).toBe('Moulin de la Véore (moulin, grossiste)');
    expect(markerLabel({ name: 'Sans rôle', roles: [] })).toBe('Sans rôle');
  });
});

describe('the sign-in', () => {
  it('says plainly that a refused credential was not kept, and why other failures happened', () => {
    expect(refusalMessage(new ApiError('Unauthenticated', 'UNAUTHENTICATED', 401), 'apiKey')).toBe(
      'Identifiant refusé : l’API ne reconnaît pas cette clé d’API (inconnu, révoqué, expiré ou mal copié). Vous n’êtes pas connecté·e ; rien n’a été modifié.',
    );
    expect(refusalMessage(new ApiError('Unauthenticated', 'UNAUTHENTICATED', 401), 'bearer')).toMatch(/ne reconnaît pas ce jeton/);
    expect(refusalMessage(new ApiError('Too many', 'RATE_LIMITED', 429), 'apiKey')).toBe(
      'Trop d’identifiants refusés depuis cette adresse : réessayer dans une minute.',
    );
    expect(refusalMessage(new ApiError('down', 'NETWORK', 0), 'apiKey')).toBe('Connexion impossible : down');
  });
});

describe('the commune outlines simplified at build time', () => {
  const source = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'seeds', 'geo', 'communes-26-drome.geojson'), 'utf8'),
  ) as OutlineCollection;
  const options = { tolerance: 0.0008, decimals: 4, source: 'the test' };
  const simplified = simplifyOutlines(source, options);
  const rings = (collection: OutlineCollection) =>
    collection.features.flatMap((f) => (f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat()));
  const key = (p: Position) => `${p[0]},${p[1]}`;
  /** Every segment of every ring, as an undirected pair of points, counted. */
  const segments = (collection: OutlineCollection) => {
    const counts = new Map<string, number>();
    for (const ring of rings(collection))
      for (let i = 1; i < ring.length; i += 1) {
        const pair = [key(ring[i - 1]!), key(ring[i]!)].sort().join(' ');
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    return counts;
  };

  it('keeps every commune with its properties, and says where the outlines come from and what was done', () => {
    expect(simplified.features.map((f) => f.properties)).toEqual(source.features.map((f) => f.properties));
    expect(simplified.provenance).toMatch(
      /^the test; simplified .* tolerance 0\.0008°, coordinates rounded to 4 decimals, 22197 points to \d+\.$/,
    );
  });

  it('keeps under 60% of the points, rings closed and at least triangles, coordinates at 4 decimals', () => {
    const before = rings(source).reduce((n, r) => n + r.length, 0);
    const after = rings(simplified).reduce((n, r) => n + r.length, 0);
    expect(after).toBeLessThan(before * 0.6);
    for (const ring of rings(simplified)) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(key(ring[0]!)).toBe(key(ring[ring.length - 1]!));
      expect(ring.filter(([x, y]) => Math.round(x * 1e4) / 1e4 !== x || Math.round(y * 1e4) / 1e4 !== y)).toEqual([]);
    }
  });

  it('keeps shared borders shared: no gap or overlap appears between neighbouring communes', () => {
    // A segment drawn by one ring only is on the department's edge; a border between two communes
    // is drawn by both. Simplified each side on its own, every border would turn into two different
    // lines drawn once each: the length drawn once would then be several times the edge's.
    const onceDrawnLength = (collection: OutlineCollection) => {
      let length = 0;
      for (const [pair, n] of segments(collection)) {
        if (n !== 1) continue;
        const [[x1, y1], [x2, y2]] = pair.split(' ').map((p) => p.split(',').map(Number)) as [number[], number[]];
        length += Math.hypot(x2! - x1!, y2! - y1!);
      }
      return length;
    };
    expect([...new Set(segments(simplified).values())].sort()).toEqual([1, 2]);
    const ratio = onceDrawnLength(simplified) / onceDrawnLength(source);
    expect(ratio).toBeGreaterThan(0.9);
    expect(ratio).toBeLessThanOrEqual(1);
    // Junctions (where three communes meet, or a border meets the edge) are all still there.
    const kept = new Set(rings(simplified).flatMap((ring) => ring.map(key)));
    const rounded = (k: string) =>
      k
        .split(',')
        .map((n) => Math.round(Number(n) * 1e4) / 1e4)
        .join(',');
    const junctions = [...junctionsOf(rings(source))];
    expect(junctions.length).toBeGreaterThan(300);
    expect(junctions.filter((j) => !kept.has(rounded(j)))).toEqual([]);
  });

  it('drops the points of a line closer than the tolerance, keeping its ends', () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.0001],
      [2, 0],
      [3, 1],
      [4, 0],
    ];
    expect(simplifyLine(line, 0.01)).toEqual([
      [0, 0],
      [2, 0],
      [3, 1],
      [4, 0],
    ]);
  });
});
