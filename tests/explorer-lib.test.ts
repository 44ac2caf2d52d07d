import { organicBreaks } from '../explorer/src/lib/chain';
import { toCsv } from '../explorer/src/lib/csv';
import { explainMatch } from '../explorer/src/lib/explain';
import { formatDistance, formatIntermediaries, formatMonths, formatVolume, roleName } from '../explorer/src/lib/format';
import { readState, writeState, type Fields } from '../explorer/src/lib/url-state';

/**
 * The explorer's front-end logic that runs without a browser: URL state (deep links), French
 * formatting of distances, volumes and months, the CSV export, the explanation of a match and the
 * detection of organic breaks in a chain.
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
