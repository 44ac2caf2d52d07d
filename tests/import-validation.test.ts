import fs from 'node:fs';
import path from 'node:path';
import { detectKind, parseImport } from '../src/import/parse';
import {
  isValidSiret,
  referencedIds,
  validateRows,
  type ImportIssue,
  type RawRow,
  type RecordKind,
  type ReferenceData,
} from '../src/records';
import { readCommunes } from '../tools/seed';

// Pure functions only: no database. The reference data is what the seed loads (communes, EPCIs, catalog).

const ROOT = path.resolve(__dirname, '..');
const EXAMPLES = path.join(ROOT, 'seeds', 'examples');
const TODAY = '2025-06-01';

const communes = readCommunes();
const idsOf = (file: string) =>
  (JSON.parse(fs.readFileSync(path.join(ROOT, 'seeds', file), 'utf8')) as Array<{ id: string }>).map((r) => r.id);

function seededRefs(overrides: Partial<ReferenceData> = {}): ReferenceData {
  return {
    communes: new Set(communes.map((c) => c.insee)),
    epcis: new Set(communes.map((c) => c.epciSiren).filter(Boolean)),
    products: new Set(idsOf('products.json')),
    labels: new Set(idsOf('labels.json')),
    existingActors: new Map(),
    existingSupplyLinks: new Map(),
    ...overrides,
  };
}

/** Parses then validates, as the importer does; returns the bundle and all issues. */
function check(content: string, format: 'csv' | 'json' = 'csv', refs = seededRefs(), kind?: RecordKind) {
  const parsed = parseImport(content, { format, kind });
  const validated = validateRows(parsed.rows, refs, { today: TODAY });
  return { rows: parsed.rows, parseIssues: parsed.issues, bundle: validated.bundle, issues: [...parsed.issues, ...validated.issues] };
}

const brief = (issues: ImportIssue[]) => issues.map((i) => `${i.line} ${i.column}: ${i.reason}`);
const example = (file: string) => fs.readFileSync(path.join(EXAMPLES, file), 'utf8');

// A valid actor in the graph that the rows below can reference.
const EXISTING = seededRefs({
  existingActors: new Map([
    ['ex-a', { siret: '92600100100011' }],
    ['ex-b', { siret: '92600200200018' }],
  ]),
  existingSupplyLinks: new Map([['ex-link-1', { supplierId: 'ex-b', buyerId: 'ex-a' }]]),
});

describe('CSV reading', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted cells, and counts lines across them', () => {
    const csv = [
      'id,name,roles,siret,communeInsee,description',
      'ex-1,"Ferme du Serre, GAEC",FARM,92600100100011,26108,"He said ""bio"""',
      'ex-2,Moulin,MILL,92600200200018,26108,"first line',
      'second line, still the description',
      'third"',
      'ex-3,Fournil,BAKERY,92600300300015,26362,',
    ].join('\r\n');
    const { rows, issues } = check(csv);
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 6]);
    expect(rows[0].fields).toMatchObject({ name: 'Ferme du Serre, GAEC', description: 'He said "bio"' });
    expect(rows[1].fields.description).toBe('first line\r\nsecond line, still the description\r\nthird');
    expect(rows[2].fields).not.toHaveProperty('description');
  });

  it('detects the semicolon separator of French Excel exports, strips the BOM and reads decimal commas', () => {
    const csv =
      '\uFEFFid;name;roles;siret;communeInsee;latitude;longitude\nex-1;Ferme, la vraie;FARM|DAIRY;92600100100011;26108;44,74;5,03\n';
    const { rows, bundle, issues } = check(csv);
    expect(issues).toEqual([]);
    expect(rows[0].fields).toEqual({
      id: 'ex-1',
      name: 'Ferme, la vraie',
      roles: ['FARM', 'DAIRY'],
      siret: '92600100100011',
      communeInsee: '26108',
      latitude: '44,74',
      longitude: '5,03',
    });
    expect(bundle.actors[0]).toMatchObject({ roles: ['FARM', 'DAIRY'], latitude: 44.74, longitude: 5.03 });
  });

  it('skips blank lines and rows of empty cells, keeping the line numbers of the others', () => {
    const { rows, issues } = check(
      'id,name,roles,siret,communeInsee\n\nex-1,A,FARM,92600100100011,26108\n,,,,\n\nex-2,B,FARM,92600200200018,26108\n',
    );
    expect(issues).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports a quote that is never closed at the line it opens', () => {
    const { parseIssues } = check(
      'id,name,roles,siret,communeInsee\nex-1,A,FARM,92600100100011,26108\nex-2,"B,FARM,92600200200018,26108\n',
    );
    expect(brief(parseIssues)).toEqual(['3 : a quoted cell is never closed (expected a closing " before the end of the file)']);
  });

  it('reports rows with too many or too few cells, and text after a closing quote', () => {
    const { parseIssues } = check(
      'id,name,roles,siret,communeInsee\nex-1,A,FARM,92600100100011,26108,extra\nex-2,"B"x,FARM,92600200200018,26108\nex-3,C,FARM\n',
    );
    expect(parseIssues.map((i) => [i.line, i.column])).toEqual([
      [2, ''],
      [3, 'name'],
      [4, ''],
    ]);
    expect(parseIssues[0].reason).toBe('the row has 6 cells (expected 5, as many as the header has columns)');
  });

  it('skips the rows whose structure is wrong, keeps the others for the field checks, and counts every record', () => {
    const csv = 'id,name,roles,siret,communeInsee\nex-1,A,FARM\nex-2,B,FERME,92600200200018,26108\nex-3,"C"x,FARM,92600300300015,26108\n';
    const { rows, issues } = check(csv);
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(brief(issues)).toEqual([
      '2 : the row has 3 cells (expected 5, as many as the header has columns)',
      '4 name: text after the closing quote of a cell (expected the quote to end the cell; double quotes inside a quoted cell: "")',
      expect.stringMatching(/^3 roles: bad role "FERME"/),
    ]);
    expect(parseImport(csv, { format: 'csv' }).records).toBe(3);
    const json = '{"actors": [{"id": "a"}, 42], "offers": [1, 2], "nope": [3]}';
    expect(parseImport(json, { format: 'json' })).toMatchObject({ records: 5, rows: [{ kind: 'actors', line: 1 }] });
  });

  it('allows spaces after a closing quote', () => {
    const { rows, issues } = check('id,name,roles,siret,communeInsee\nex-1,"A, B"  ,FARM,92600100100011,26108\n');
    expect(issues).toEqual([]);
    expect(rows[0].fields.name).toBe('A, B');
  });

  it('reports unknown and duplicate columns on the header line, with a hint for near misses', () => {
    const { parseIssues } = check('id,name,roles,SIRET,siret,communeInsee,colour,name\nex-1,A,FARM,x,92600100100011,26108,blue,A\n');
    expect(parseIssues.map((i) => [i.line, i.column])).toEqual([
      [1, 'SIRET'],
      [1, 'colour'],
      [1, 'name'],
    ]);
    expect(parseIssues[0].reason).toMatch(/^unknown column "SIRET" for actors \(expected one of id, name, .*; did you mean "siret"\?\)$/);
    expect(parseIssues[2].reason).toBe('column "name" appears twice in the header (expected each column once)');
  });

  it('reports a missing required column once, on the header, rather than on every row', () => {
    const { parseIssues, rows } = check(
      'id,name,roles,communeInsee\nex-1,A,FARM,26108\nex-2,B,FARM,26108\n',
      'csv',
      seededRefs(),
      'actors',
    );
    expect(brief(parseIssues)).toEqual([
      '1 siret: missing required column "siret" for actors (expected it in the header; rows are checked once it is there)',
    ]);
    expect(rows).toEqual([]);
  });

  it('reports an empty file', () => {
    expect(brief(check('\uFEFF\n').issues)).toEqual(['1 : the file is empty (expected a header line and rows)']);
  });
});

describe('record kind detection', () => {
  it.each<[string, RecordKind]>([
    ['id,name,roles,siret,communeInsee', 'actors'],
    ['id,communeInsee,name,roles', 'actors'],
    ['id,supplierId,buyerId,productId,volume,unit', 'supplyLinks'],
    ['id,actorId,productId,volume,unit', 'needs'],
    ['id,actorId,productId,requiredLabelIds', 'needs'],
    ['id,actorId,productId,months', 'offers'],
    ['id,actorId,productId,capacity,capacityUnit', 'offers'],
  ])('reads %s as %s', (header, kind) => {
    expect(detectKind(header.split(','))).toBe(kind);
  });

  it('gives the detected kind to the rows', () => {
    const { rows, issues } = parseImport('id,actorId,productId,volume,unit\nex-n,ex-a,pain,3,KG\n', { format: 'csv' });
    expect(issues).toEqual([]);
    expect(rows).toEqual([{ kind: 'needs', line: 2, fields: { id: 'ex-n', actorId: 'ex-a', productId: 'pain', volume: '3', unit: 'KG' } }]);
  });

  it('asks for the kind when the columns do not tell', () => {
    const { rows, issues } = parseImport('id,productId,months\nx,ble,1\n', { format: 'csv' });
    expect(rows).toEqual([]);
    expect(issues).toHaveLength(1);
    expect(issues[0].reason).toMatch(
      /^cannot tell which records this file holds \(expected a siret, roles or communeInsee column for actors; .*\); give the kind \(--kind\)$/,
    );
  });

  it('uses the given kind over detection, so stray columns are reported', () => {
    const { issues } = parseImport('id,actorId,productId,volume\nx,a,ble,3\n', { format: 'csv', kind: 'offers' });
    expect(issues.map((i) => i.column)).toEqual(['volume']);
  });
});

describe('JSON reading', () => {
  it('gives each record the line of its opening brace, in a bundle of several kinds', () => {
    const json = [
      '{', //                                                        1
      '  "actors": [', //                                            2
      '    {', //                                                    3
      '      "id": "ex-1", "name": "A", "roles": ["FARM"],', //      4
      '      "siret": "92600100100011", "communeInsee": "26108"', // 5
      '    },', //                                                   6
      '    { "id": "ex-2", "name": "B", "roles": "MILL", "siret": "92600200200018", "communeInsee": "26108" }', // 7
      '  ],', //                                                     8
      '  "offers": [{ "id": "ex-o", "actorId": "ex-1", "productId": "ble-tendre", "months": [9, 7, 8] }]', // 9
      '}',
    ].join('\n');
    const { rows, bundle, issues } = check(json, 'json');
    expect(issues).toEqual([]);
    expect(rows.map((r) => [r.kind, r.line])).toEqual([
      ['actors', 3],
      ['actors', 7],
      ['offers', 9],
    ]);
    expect(bundle.actors[1].roles).toEqual(['MILL']);
    expect(bundle.offers[0].months).toEqual([7, 8, 9]);
  });

  it('reads an array of one kind, given or detected from the property names', () => {
    const json = '[\n  {"id": "ex-n", "actorId": "ex-a", "productId": "pain", "volume": 10, "unit": "KG"}\n]';
    expect(check(json, 'json', EXISTING).bundle.needs).toHaveLength(1);
    expect(check(json, 'json', EXISTING, 'needs').rows[0]).toMatchObject({ kind: 'needs', line: 2 });
  });

  it('reports a syntax error as one issue at its line', () => {
    const { issues } = check('{\n  "actors": [\n    {"id": "ex-1",}\n  ]\n}', 'json');
    expect(brief(issues)).toEqual(['3 : invalid JSON: expected a property name in double quotes, found "}"']);
    expect(brief(check('[\n{"id": "a"}\n', 'json', seededRefs(), 'actors').issues)).toEqual([
      '3 : invalid JSON: expected "," or "]", found the end of the file',
    ]);
    expect(brief(check('{"actors": [{"name": "line\nbreak"}]}', 'json').issues)).toEqual([
      '1 : invalid JSON: expected a string closed on its line, with valid escapes, found """',
    ]);
  });

  it('refuses nesting deep enough to threaten the stack, as a syntax error', () => {
    const { issues } = check(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'json', seededRefs(), 'actors');
    expect(brief(issues)).toEqual(['1 : invalid JSON: expected at most 64 nested objects and arrays, found "["']);
  });

  it('reports unknown kinds, unknown and repeated properties, and records that are not objects', () => {
    const json =
      '{\n  "actor": [],\n  "offers": [\n    {"id": "ex-o", "actorId": "ex-a", "productId": "pain", "price": 3, "id": "ex-p"},\n    42\n  ]\n}';
    const { parseIssues } = check(json, 'json', EXISTING);
    expect(brief(parseIssues)).toEqual([
      '2 actor: unknown record kind "actor" (expected actors, offers, needs, supplyLinks)',
      expect.stringMatching(/^4 price: unknown property "price" for offers \(expected one of id, actorId, /),
      '4 id: property "id" appears twice in the record (expected it once)',
      '5 : found 42 (expected an object: one record of offers)',
    ]);
  });

  it('rejects kinds other than the one given', () => {
    const { parseIssues } = check('{"actors": [], "offers": []}', 'json', seededRefs(), 'actors');
    expect(brief(parseIssues)).toEqual([
      '1 offers: offers in a file imported as actors (expected only actors, or no --kind for a file of several kinds)',
    ]);
  });

  it('checks JSON value types: text must be a string', () => {
    const json = '[{"id": "ex-1", "name": "A", "roles": ["FARM"], "siret": 92600100100011, "communeInsee": "26108", "clubMember": "oui"}]';
    const { issues, bundle } = check(json, 'json', seededRefs(), 'actors');
    expect(brief(issues)).toEqual(['1 siret: found the number 92600100100011 (expected 14 digits with a valid Luhn check digit)']);
    expect(bundle.actors).toEqual([]);
  });
});

describe('field checks: each reason at its line and column', () => {
  const HEADERS: Record<RecordKind, string> = {
    actors: 'id,name,roles,siret,clubMember,memberGroup,email,phone,website,communeInsee,latitude,longitude',
    offers: 'id,actorId,productId,labelIds,months,capacity,capacityUnit,deliveryRadiusKm,deliveryCommunes,deliveryEpcis,priceEur',
    needs: 'id,actorId,productId,volume,unit,requiredLabelIds,months',
    supplyLinks: 'id,supplierId,buyerId,productId,labelIds,volume,unit,valueEur,since,frequency,sourcedFromIds',
  };
  const VALID: Record<RecordKind, string> = {
    actors: 'ex-ok,Ferme,FARM,92600900900016,true,PRODUCERS,a@b.fr,04 75 00 00 00,https://x.fr,26362,44.9,4.9',
    offers: 'ex-ok,ex-a,ble-tendre,ab,7|8,10,TONNE,50,26362,200068781,400',
    needs: 'ex-ok,ex-a,pain-de-campagne,100,KG,ab,1|2',
    supplyLinks: 'ex-ok,ex-b,ex-a,ble-tendre,ab,10,TONNE,5000,2020-01-01,WEEKLY,',
  };

  it.each<[RecordKind, string, string, string]>([
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,true,PRODUCERS,,,,26999,,',
      'communeInsee',
      'unknown commune "26999" (expected an INSEE code of the Drôme or a neighbouring department)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,,7186,,',
      'communeInsee',
      'unknown commune "7186" (expected an INSEE code of the Drôme or a neighbouring department; a spreadsheet may have dropped the leading zero of "07186")',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300016,,,,,,26362,,',
      'siret',
      'bad SIRET "92600300300016": its check digit does not match, a digit is probably mistyped (expected 14 digits with a valid Luhn check digit)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,9.26003E+13,,,,,,26362,,',
      'siret',
      'bad SIRET "9.26003E+13", rounded by a spreadsheet (expected 14 digits with a valid Luhn check digit; format the column as text)',
    ],
    ['actors', 'ex-c,Ferme,FARM,926003,,,,,,26362,,', 'siret', 'bad SIRET "926003" (expected 14 digits with a valid Luhn check digit)'],
    [
      'actors',
      'ex-c,Ferme,FERME,92600300300015,,,,,,26362,,',
      'roles',
      expect.stringMatching(/^bad role "FERME" \(expected one of FARM, COOPERATIVE, MILL, .*, INSTITUTION\)$/),
    ],
    ['actors', 'ex-c,Ferme,FARM|farm,92600300300015,,,,,,26362,,', 'roles', 'duplicate role "farm" (expected each role once)'],
    [
      'actors',
      'ex-c,Ferme,,92600300300015,,,,,,26362,,',
      'roles',
      expect.stringMatching(
        /^missing required field "roles" \(expected a list of roles separated by "\|" \(a JSON array\), each one of FARM, /,
      ),
    ],
    ['actors', 'ex-c,,FARM,92600300300015,,,,,,26362,,', 'name', 'missing required field "name" (expected text of at most 200 characters)'],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,maybe,,,,,26362,,',
      'clubMember',
      'bad boolean "maybe" (expected true or false (or yes/no, oui/non, 1/0))',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,GROWERS,,,,26362,,',
      'memberGroup',
      expect.stringMatching(/^bad member group "GROWERS" \(expected one of PRODUCERS, /),
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,a.b.fr,,,26362,,',
      'email',
      'bad email "a.b.fr" (expected an email address such as contact@example.fr)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,call me,,26362,,',
      'phone',
      'bad phone number "call me" (expected a phone number of 6 to 15 digits such as 04 75 12 34 56 or +33 4 75 12 34 56)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,ftp://x.fr,26362,,',
      'website',
      'bad website "ftp://x.fr" (expected a website address such as https://example.fr)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,,26362,91,4.9',
      'latitude',
      'latitude 91 out of range (expected a number from -90 to 90)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,,26362,44.9,-181',
      'longitude',
      'longitude -181 out of range (expected a number from -180 to 180)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,,26362,,4.9',
      'longitude',
      'longitude given without latitude (expected both or neither)',
    ],
    [
      'actors',
      'ex-c,Ferme,FARM,92600300300015,,,,,,26362,44°55,4.9',
      'latitude',
      'malformed number "44°55" (expected a number from -90 to 90, written like 12.5)',
    ],
    [
      'actors',
      'ex c,Ferme,FARM,92600300300015,,,,,,26362,,',
      'id',
      'bad identifier "ex c" (expected an identifier of 1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit)',
    ],
    [
      'offers',
      'ex-o,ex-a,ble-dore,ab,,,,,,,',
      'productId',
      'unknown product "ble-dore" (expected a product id of the catalog, seeds/products.json)',
    ],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,bio,,,,,,,',
      'labelIds',
      'unknown label "bio" (expected a label id of the catalog, seeds/labels.json)',
    ],
    [
      'offers',
      'ex-o,ex-z,ble-tendre,,,,,,,,',
      'actorId',
      'dangling reference: no actor "ex-z" in this file or in the graph (expected the id of an actor)',
    ],
    ['offers', 'ex-o,ex-a,ble-tendre,,7|13,,,,,,', 'months', 'bad month "13" (expected a whole number from 1 (January) to 12 (December))'],
    ['offers', 'ex-o,ex-a,ble-tendre,,7|7,,,,,,', 'months', 'duplicate month "7" (expected each month once)'],
    ['offers', 'ex-o,ex-a,ble-tendre,,,-5,TONNE,,,,', 'capacity', 'negative capacity "-5" (expected a number of at least 0)'],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,,,5,,,,,',
      'capacityUnit',
      expect.stringMatching(/^missing capacityUnit, in which the capacity and price are counted \(expected one of KG, TONNE, /),
    ],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,,,5,SACKS,,,,',
      'capacityUnit',
      expect.stringMatching(/^bad unit "SACKS" \(expected one of KG, TONNE, LITRE, /),
    ],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,,,,,501,,,',
      'deliveryRadiusKm',
      'delivery radius 501 out of range (expected a number from 0 to 500 km)',
    ],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,,,,,,26362|99999,,',
      'deliveryCommunes',
      'unknown commune "99999" (expected an INSEE code of the Drôme or a neighbouring department)',
    ],
    [
      'offers',
      'ex-o,ex-a,ble-tendre,,,,,,,123456789,',
      'deliveryEpcis',
      'unknown EPCI "123456789" (expected the SIREN of an EPCI of the Drôme or a neighbouring department)',
    ],
    ['offers', 'ex-o,ex-a,ble-tendre,,,,,,,,-1', 'priceEur', 'negative price "-1" (expected a number of at least 0 euros)'],
    ['needs', 'ex-n,ex-a,pain-de-campagne,-100,KG,,', 'volume', 'negative volume "-100" (expected a number of at least 0)'],
    [
      'needs',
      'ex-n,ex-a,pain-de-campagne,1 000,KG,,',
      'volume',
      'malformed number "1 000" (expected a number of at least 0, written like 12.5)',
    ],
    ['needs', 'ex-n,ex-a,pain-de-campagne,100,,,', 'unit', expect.stringMatching(/^missing required field "unit" \(expected one of KG, /)],
    [
      'needs',
      'ex-n,ex-a,pain-de-campagne,100,KG,hve|label-bleu,',
      'requiredLabelIds',
      'unknown label "label-bleu" (expected a label id of the catalog, seeds/labels.json)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-a,ex-a,ble-tendre,,10,TONNE,,,,',
      'buyerId',
      'supplier and buyer are the same actor "ex-a" (expected two different actors)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-z,ex-a,ble-tendre,,10,TONNE,,,,',
      'supplierId',
      'dangling reference: no actor "ex-z" in this file or in the graph (expected the id of an actor)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-b,ex-a,ble-tendre,,10,TONNE,,2023-02-30,,',
      'since',
      'bad date "2023-02-30" (expected a date written YYYY-MM-DD, such as 2021-09-01)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-b,ex-a,ble-tendre,,10,TONNE,,01/02/2023,,',
      'since',
      'bad date "01/02/2023" (expected a date written YYYY-MM-DD, such as 2021-09-01)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-b,ex-a,ble-tendre,,10,TONNE,,2025-06-02,,',
      'since',
      'date "2025-06-02" is in the future (expected the day the trading started, at the latest today 2025-06-01)',
    ],
    [
      'supplyLinks',
      'ex-l,ex-b,ex-a,ble-tendre,,10,TONNE,,,SOMETIMES,',
      'frequency',
      expect.stringMatching(/^bad frequency "SOMETIMES" \(expected one of DAILY, WEEKLY, /),
    ],
    ['supplyLinks', 'ex-l,ex-b,ex-a,ble-tendre,,10,TONNE,-3,,,', 'valueEur', 'negative value "-3" (expected a number of at least 0 euros)'],
    ['supplyLinks', 'ex-l,ex-b,ex-a,ble-tendre,,,TONNE,,,,', 'volume', 'missing required field "volume" (expected a number of at least 0)'],
  ])('%s row %s: %s', (kind, badRow, column, reason) => {
    const { issues, bundle } = check(`${HEADERS[kind]}\n${VALID[kind]}\n${badRow}\n`, 'csv', EXISTING);
    expect(issues).toEqual([expect.objectContaining({ line: 3, column, reason, kind })]);
    expect(bundle[kind]).toHaveLength(1); // the valid row; the bad one is left out
  });

  it('reports every issue of a row, not only the first', () => {
    const { issues } = check(`${HEADERS.needs}\nex-n,ex-z,pain-perdu,-1,GRAMS,bio,0|13\n`, 'csv', EXISTING);
    expect(issues.map((i) => i.column)).toEqual(['volume', 'unit', 'months', 'months', 'actorId', 'productId', 'requiredLabelIds']);
  });

  it('fills the defaults of absent fields', () => {
    const { bundle, issues } = check('id,actorId,productId\nex-o,ex-a,ble-tendre\n', 'csv', EXISTING);
    expect(issues).toEqual([]);
    expect(bundle.offers[0]).toEqual({
      id: 'ex-o',
      actorId: 'ex-a',
      productId: 'ble-tendre',
      labelIds: [],
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      capacity: null,
      capacityUnit: null,
      deliveryRadiusKm: null,
      deliveryCommunes: [],
      deliveryEpcis: [],
      priceEur: null,
    });
  });
});

describe('the example files', () => {
  it('invalid-actors.csv: every bad row is listed with its line, column and reason', () => {
    const { issues, bundle } = check(example('invalid-actors.csv'));
    expect(issues.map((i) => `${i.line} ${i.column}`)).toEqual([
      '3 siret',
      '4 communeInsee',
      '5 roles',
      '6 id',
      '7 name',
      '7 latitude',
      '8 email',
      '8 latitude',
      '9 siret',
      '10 memberGroup',
      '12 clubMember',
      '12 latitude',
      '12 communeInsee',
      '13 id',
    ]);
    expect(issues.find((i) => i.line === 6)?.reason).toBe(
      'duplicate id "ex-bad-valid", already given to the actor on line 2 (expected each actor id once)',
    );
    expect(issues.find((i) => i.line === 9)?.reason).toBe(
      'duplicate SIRET "00600900500015", already given to actor "ex-bad-valid" on line 2 (expected each SIRET once: one establishment, one actor)',
    );
    expect(issues.find((i) => i.line === 12 && i.column === 'communeInsee')?.reason).toMatch(/leading zero of "07186"/);
    // Only the valid row converts; the importer writes nothing anyway since issues is non-empty.
    expect(bundle.actors.map((a) => a.id)).toEqual(['ex-bad-valid']);
  });

  it('actors, offers, needs and supply links import one after the other without issue', () => {
    const refs = seededRefs();
    const imported: Record<RecordKind, number> = { actors: 0, offers: 0, needs: 0, supplyLinks: 0 };
    for (const file of ['actors.csv', 'offers.csv', 'needs.csv', 'supply-links.csv']) {
      const parsed = parseImport(example(file), { format: 'csv' });
      const { bundle, issues } = validateRows(parsed.rows, refs, { today: TODAY });
      expect([file, ...parsed.issues, ...issues]).toEqual([file]);
      // What the graph holds after the write, for the next file.
      for (const a of bundle.actors) refs.existingActors.set(a.id, { siret: a.siret });
      for (const l of bundle.supplyLinks) refs.existingSupplyLinks.set(l.id, { supplierId: l.supplierId, buyerId: l.buyerId });
      for (const kind of Object.keys(imported) as RecordKind[]) imported[kind] += bundle[kind].length;
    }
    expect(imported).toEqual({ actors: 5, offers: 4, needs: 3, supplyLinks: 4 });
  });

  it('actors.csv gives the expected records', () => {
    const { bundle, issues } = check(example('actors.csv'));
    expect(issues).toEqual([]);
    expect(bundle.actors[0]).toEqual({
      id: 'ex-ferme-du-serre',
      name: 'Ferme du Serre, GAEC',
      roles: ['FARM'],
      siret: '00600100200010',
      agenceBioNumber: '26-0412',
      clubMember: true,
      memberGroup: 'PRODUCERS',
      email: 'contact@ferme-du-serre.example',
      phone: '04 75 25 10 20',
      website: 'https://ferme-du-serre.example',
      description: 'Organic soft wheat and spelt on the terraces above the Drôme river.',
      communeInsee: '26108',
      latitude: 44.7412,
      longitude: 5.0337,
      fictitious: true, // an invented firm, with a SIREN beginning with 0
    });
    expect(bundle.actors.map((a) => a.roles)).toEqual([['FARM'], ['MILL'], ['BAKERY'], ['FARM', 'DAIRY'], ['CENTRAL_KITCHEN']]);
    expect(bundle.actors.every((a) => isValidSiret(a.siret) && a.id.startsWith('ex-'))).toBe(true);
  });

  it('members.json holds the four kinds and validates on its own, its provenance included', () => {
    const { bundle, issues } = check(example('members.json'), 'json');
    expect(issues).toEqual([]);
    expect([bundle.actors.length, bundle.offers.length, bundle.needs.length, bundle.supplyLinks.length]).toEqual([3, 1, 1, 2]);
    expect(bundle.actors[0].siret).toBe('00600600100017'); // written with spaces in the file
    expect(bundle.supplyLinks[1]).toEqual({
      id: 'ex-link-huile-huilerie-epicerie',
      supplierId: 'ex-huilerie-nyons',
      buyerId: 'ex-epicerie-montelimar',
      productId: 'huile-olive',
      labelIds: ['huile-olive-nyons-aop', 'ab'],
      volume: 450,
      unit: 'LITRE',
      valueEur: 9900,
      since: '2023-03-01',
      frequency: 'MONTHLY',
      channel: null,
      sourcedFromIds: ['ex-link-olives-eygues-huilerie'],
    });
  });
});

describe('checks across rows and against the graph', () => {
  const ACTORS = 'id,name,roles,siret,communeInsee';

  it('reports an id or a SIRET used twice in the file', () => {
    const csv = `${ACTORS}\nex-1,A,FARM,92600300300015,26108\nex-1,B,FARM,92600400400012,26108\nex-2,C,FARM,92600300300015,26108\n`;
    expect(brief(check(csv).issues)).toEqual([
      '3 id: duplicate id "ex-1", already given to the actor on line 2 (expected each actor id once)',
      '4 siret: duplicate SIRET "92600300300015", already given to actor "ex-1" on line 2 (expected each SIRET once: one establishment, one actor)',
    ]);
  });

  it('allows the same id in two record kinds', () => {
    const json =
      '{"actors": [{"id": "ex-x", "name": "A", "roles": ["FARM"], "siret": "92600300300015", "communeInsee": "26108"}], "offers": [{"id": "ex-x", "actorId": "ex-x", "productId": "ble"}]}';
    expect(check(json, 'json').issues).toEqual([]);
  });

  it('reports a SIRET that another actor of the graph holds', () => {
    const { issues } = check(`${ACTORS}\nex-new,A,FARM,92600100100011,26108\n`, 'csv', EXISTING);
    expect(brief(issues)).toEqual([
      '2 siret: SIRET "92600100100011" already belongs to actor "ex-a" in the graph (expected a SIRET no other actor holds; to update that actor, use its id "ex-a")',
    ]);
  });

  it('accepts an existing actor re-imported with its SIRET, and a SIRET freed by the file itself', () => {
    const csv = `${ACTORS}\nex-a,A,FARM,92600100100011,26108\nex-b,B,MILL,92600900900016,26108\nex-c,C,FARM,92600200200018,26108\n`;
    expect(check(csv, 'csv', EXISTING).issues).toEqual([]);
  });

  it('reports dangling provenance: an unknown link, or one not bought by the supplier', () => {
    const csv = [
      'id,supplierId,buyerId,productId,volume,unit,sourcedFromIds',
      'ex-l2,ex-a,ex-b,farine-ble-t80,10,TONNE,ex-link-1', // ex-link-1 is bought by ex-a: fine
      'ex-l3,ex-b,ex-a,pain,10,KG,ex-l2|ex-nowhere', // ex-l2 is bought by ex-b: fine; ex-nowhere does not exist
      'ex-l4,ex-b,ex-a,pain,10,KG,ex-link-1', // ex-link-1 is bought by ex-a, not by ex-b
    ].join('\n');
    expect(brief(check(csv, 'csv', EXISTING).issues)).toEqual([
      '3 sourcedFromIds: dangling provenance: no supply link "ex-nowhere" in this file or in the graph (expected a supply link bought by this link\'s supplier "ex-b")',
      '4 sourcedFromIds: dangling provenance: supply link "ex-link-1" is bought by "ex-a", not by this link\'s supplier (expected a supply link bought by this link\'s supplier "ex-b")',
    ]);
  });

  it('sorts the issues of a JSON bundle by line across kinds', () => {
    const json =
      '{\n"supplyLinks": [\n{"id": "ex-l", "supplierId": "ex-q", "buyerId": "ex-a", "productId": "pain", "volume": 1, "unit": "KG"}\n],\n"actors": [\n{"id": "ex-q", "name": "Q", "roles": ["FARM"], "siret": "1", "communeInsee": "26108"}\n]\n}';
    expect(check(json, 'json', EXISTING).issues.map((i) => [i.line, i.kind, i.column])).toEqual([[6, 'actors', 'siret']]);
  });
});

describe('referencedIds', () => {
  it('lists the keys a file mentions, to fetch from the graph', () => {
    const rows: RawRow[] = [
      ...parseImport(example('actors.csv'), { format: 'csv' }).rows,
      ...parseImport(example('members.json'), { format: 'json' }).rows,
    ];
    const ids = referencedIds(rows);
    expect(ids.sirets).toContain('00600600100017'); // spaces removed, as stored
    expect(ids.communes).toEqual(['26108', '26113', '26182', '26198', '26220', '26281', '26362']);
    expect(ids.actors).toContain('ex-oliveraie-eygues');
    expect(ids.supplyLinks).toEqual(['ex-link-huile-huilerie-epicerie', 'ex-link-olives-eygues-huilerie']);
    expect(ids.labels).toEqual(['ab', 'huile-olive-nyons-aop']);
    expect(ids.products).toEqual(['huile-olive', 'olive']);
    expect(ids.epcis).toEqual([]);
  });
});
