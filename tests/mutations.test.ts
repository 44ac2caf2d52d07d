import { GraphQLInputObjectType, GraphQLObjectType } from 'graphql';
import { withLuhnCheckDigit } from '../src/records';
import type { Database } from '../src/db';
import { buildMaillonSchema } from '../src/schema';
import { loadReferenceData } from '../tools/seed';
import { clearGraph, connectTestDb } from './helpers/db';
import { graphDigest } from './helpers/digest';
import {
  TEST_EDITOR,
  createRunner,
  graphql,
  type OperationResult,
  type TypedDocumentNode,
  type UntypedData,
  type VariablesOf,
} from './helpers/graphql';

type Runner = Awaited<ReturnType<typeof createRunner>>;

/** A SIRET with a valid Luhn check digit, distinct per n. */
const siret = (n: number) => withLuhnCheckDigit(`4123456${String(n).padStart(6, '0')}`);
/** The same SIRET with its check digit wrong. */
const badSiret = (n: number) => {
  const good = siret(n);
  return `${good.slice(0, 13)}${(Number(good[13]) + 1) % 10}`;
};

const VALENCE = { insee: '26362', latitude: 44.92254, longitude: 4.9136 };
const BOURG_LES_VALENCE = { insee: '26058', latitude: 44.96517, longitude: 4.89402 };

graphql(`
  fragment ActorFields on Actor {
    id
    name
    roles
    siret
    clubMember
    memberGroup
    fictitious
    email
    description
    location {
      latitude
      longitude
    }
    commune {
      insee
      name
    }
  }
`);

const CREATE_ACTOR = graphql(`
  mutation CreateActor($input: CreateActorInput!) {
    createActor(input: $input) {
      ...ActorFields
    }
  }
`);
const UPDATE_ACTOR = graphql(`
  mutation UpdateActor($id: String!, $input: UpdateActorInput!) {
    updateActor(id: $id, input: $input) {
      ...ActorFields
    }
  }
`);
const SET_PUBLIC_BUYER = graphql(`
  mutation SetPublicBuyer($id: String!, $input: UpdateActorInput!) {
    updateActor(id: $id, input: $input) {
      id
      name
      publicBuyer
    }
  }
`);
const ACTOR_PUBLIC_BUYER = graphql(`
  query ActorPublicBuyer($id: String!) {
    actor(id: $id) {
      id
      publicBuyer
    }
  }
`);
graphql(`
  fragment DeletionFields on DeletedRecord {
    id
    cascade {
      offers
      needs
      supplyLinks
      provenanceRelationships
    }
  }
`);
const DELETE_ACTOR = graphql(`
  mutation DeleteActor($id: String!) {
    deleteActor(id: $id) {
      ...DeletionFields
    }
  }
`);

graphql(`
  fragment OfferFields on Offer {
    id
    months
    capacity
    capacityUnit
    deliveryRadiusKm
    priceEur
    actor {
      id
    }
    product {
      id
    }
    labels {
      id
    }
    deliveryCommunes {
      insee
    }
    deliveryEpcis {
      siren
    }
  }
`);
const CREATE_OFFER = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      ...OfferFields
    }
  }
`);
const UPDATE_OFFER = graphql(`
  mutation UpdateOffer($id: String!, $input: UpdateOfferInput!) {
    updateOffer(id: $id, input: $input) {
      ...OfferFields
    }
  }
`);
const DELETE_OFFER = graphql(`
  mutation DeleteOffer($id: String!) {
    deleteOffer(id: $id) {
      ...DeletionFields
    }
  }
`);

graphql(`
  fragment NeedFields on Need {
    id
    volume
    unit
    months
    actor {
      id
    }
    product {
      id
    }
    requiredLabels {
      id
    }
  }
`);
const CREATE_NEED = graphql(`
  mutation CreateNeed($input: CreateNeedInput!) {
    createNeed(input: $input) {
      ...NeedFields
    }
  }
`);
const UPDATE_NEED = graphql(`
  mutation UpdateNeed($id: String!, $input: UpdateNeedInput!) {
    updateNeed(id: $id, input: $input) {
      ...NeedFields
    }
  }
`);
const DELETE_NEED = graphql(`
  mutation DeleteNeed($id: String!) {
    deleteNeed(id: $id) {
      ...DeletionFields
    }
  }
`);

graphql(`
  fragment LinkFields on SupplyLink {
    id
    volume
    unit
    valueEur
    since
    frequency
    channel
    supplier {
      id
    }
    buyer {
      id
    }
    product {
      id
    }
    labels {
      id
    }
    sourcedFrom {
      id
    }
  }
`);
const CREATE_LINK = graphql(`
  mutation CreateSupplyLink($input: CreateSupplyLinkInput!) {
    createSupplyLink(input: $input) {
      ...LinkFields
    }
  }
`);
const UPDATE_LINK = graphql(`
  mutation UpdateSupplyLink($id: String!, $input: UpdateSupplyLinkInput!) {
    updateSupplyLink(id: $id, input: $input) {
      ...LinkFields
    }
  }
`);
const DELETE_LINK = graphql(`
  mutation DeleteSupplyLink($id: String!) {
    deleteSupplyLink(id: $id) {
      ...DeletionFields
    }
  }
`);

type LinkInput = VariablesOf<typeof CREATE_LINK>['input'];

interface Issue {
  field: string;
  reason: string;
  value?: string;
}

function codeOf(result: OperationResult<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

/** The messages of class-validator's validationErrors, by property. */
function validationMessagesOf(result: OperationResult<unknown>): Record<string, string[]> {
  const errors = (result.errors?.[0]?.extensions?.validationErrors ?? []) as { property: string; constraints?: Record<string, string> }[];
  return Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {}).sort()]));
}

function issuesOf(result: OperationResult<unknown>): Issue[] {
  return (result.errors?.[0]?.extensions?.issues as Issue[] | undefined) ?? [];
}

describe('mutations of actors, offers, needs and supply links', () => {
  let db: Database;
  let runner: Runner;
  function run<T, V extends Record<string, unknown>>(document: TypedDocumentNode<T, V>, variables?: V): Promise<OperationResult<T>>;
  function run(query: string): Promise<OperationResult<UntypedData>>;
  function run(query: string | TypedDocumentNode<unknown, Record<string, unknown>>, variables?: Record<string, unknown>) {
    return typeof query === 'string' ? runner.run(query) : runner.run(query, variables);
  }

  /** Runs a mutation that must fail and checks it changed nothing in the graph; returns its result. */
  async function rejected<T, V extends Record<string, unknown>>(
    document: TypedDocumentNode<T, V>,
    variables: V,
  ): Promise<OperationResult<unknown>> {
    const before = await graphDigest(db);
    const result = await run(document, variables);
    expect(result.errors).toHaveLength(1);
    expect(result.data).toBeNull();
    expect(await graphDigest(db)).toEqual(before);
    return result;
  }

  async function createActor(input: VariablesOf<typeof CREATE_ACTOR>['input']) {
    const result = await run(CREATE_ACTOR, { input });
    expect(result.errors).toBeUndefined();
    return result.data!.createActor;
  }

  /** A farm, a mill and a bakery in Valence (siret 1, 2, 3). */
  async function createThreeActors() {
    await createActor({ id: 'act-farm', name: 'Ferme du Plateau', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
    await createActor({ id: 'act-mill', name: 'Moulin de la Véore', roles: ['MILL'], siret: siret(2), communeInsee: VALENCE.insee });
    await createActor({ id: 'act-bakery', name: 'Boulangerie du Pont', roles: ['BAKERY'], siret: siret(3), communeInsee: VALENCE.insee });
  }

  /** Creates a supply link, of 10 t of wheat unless `input` says otherwise. */
  async function createLink(input: Omit<LinkInput, 'productId' | 'volume' | 'unit'> & Partial<LinkInput>) {
    const result = await run(CREATE_LINK, { input: { productId: 'ble-tendre', volume: 10, unit: 'TONNE', ...input } });
    expect(result.errors).toBeUndefined();
    return result.data!.createSupplyLink;
  }

  async function count(label: 'Actor' | 'Offer' | 'Need' | 'SupplyLink'): Promise<number> {
    const [row] = await db.read<{ n: number }>(`MATCH (x:${label}) RETURN count(x) AS n`);
    return row.n;
  }

  beforeAll(async () => {
    db = await connectTestDb();
    await clearGraph(db);
    await loadReferenceData(db);
    runner = await createRunner(db, { viewer: TEST_EDITOR });
  });

  beforeEach(async () => {
    await db.write('MATCH (n) WHERE n:Actor OR n:Offer OR n:Need OR n:SupplyLink DETACH DELETE n');
  });

  afterAll(async () => {
    await runner.stop();
    await clearGraph(db);
    await db.close();
  });

  describe('actors', () => {
    it('createActor writes the actor in its commune, at its centroid, and returns it', async () => {
      const actor = await createActor({
        id: 'act-1',
        name: 'Ferme des Collines',
        roles: ['FARM', 'DAIRY'],
        siret: siret(1),
        email: 'contact@collines.fr',
        communeInsee: VALENCE.insee,
      });
      expect(actor).toEqual({
        id: 'act-1',
        name: 'Ferme des Collines',
        roles: ['FARM', 'DAIRY'],
        siret: siret(1),
        clubMember: false,
        memberGroup: null,
        fictitious: false,
        email: 'contact@collines.fr',
        description: null,
        location: { latitude: VALENCE.latitude, longitude: VALENCE.longitude },
        commune: { insee: VALENCE.insee, name: 'Valence' },
      });
      const read = await run(
        graphql(`
          query ActorCommune {
            actor(id: "act-1") {
              name
              commune {
                insee
              }
            }
          }
        `),
      );
      expect(read.data).toEqual({ actor: { name: 'Ferme des Collines', commune: { insee: VALENCE.insee } } });
    });

    it('createActor and updateActor mark an invented operator as fictitious, and keep the mark when left out', async () => {
      const created = await createActor({
        id: 'act-f',
        name: 'Ferme Imaginaire',
        roles: ['FARM'],
        siret: siret(2),
        fictitious: true,
        communeInsee: VALENCE.insee,
      });
      expect(created.fictitious).toBe(true);
      const renamed = await run(UPDATE_ACTOR, { id: 'act-f', input: { name: 'Ferme Inventée' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateActor).toMatchObject({ name: 'Ferme Inventée', fictitious: true });
      const real = await run(UPDATE_ACTOR, { id: 'act-f', input: { fictitious: false } });
      expect(real.data!.updateActor).toMatchObject({ fictitious: false });
    });

    it('createActor and updateActor record a public buyer, keep the fact when left out, and store it for the reports', async () => {
      await createActor({
        id: 'act-pub',
        name: 'Cuisine Centrale Municipale',
        roles: ['CENTRAL_KITCHEN'],
        siret: siret(4),
        publicBuyer: true,
        communeInsee: VALENCE.insee,
      });
      expect((await run(ACTOR_PUBLIC_BUYER, { id: 'act-pub' })).data!.actor).toEqual({ id: 'act-pub', publicBuyer: true });
      const renamed = await run(SET_PUBLIC_BUYER, { id: 'act-pub', input: { name: 'Cuisine Centrale de Valence' } });
      expect(renamed.errors).toBeUndefined();
      expect(renamed.data!.updateActor).toEqual({ id: 'act-pub', name: 'Cuisine Centrale de Valence', publicBuyer: true });
      const [stored] = await db.read<{ publicBuyer: boolean }>('MATCH (a:Actor {id: $id}) RETURN a.publicBuyer AS publicBuyer', {
        id: 'act-pub',
      });
      expect(stored.publicBuyer).toBe(true);
      const privateNow = await run(SET_PUBLIC_BUYER, { id: 'act-pub', input: { publicBuyer: false } });
      expect(privateNow.data!.updateActor).toMatchObject({ publicBuyer: false });
      // Left out at creation: not a public buyer.
      await createActor({
        id: 'act-priv',
        name: 'Restaurant du Marché',
        roles: ['RESTAURANT'],
        siret: siret(5),
        communeInsee: VALENCE.insee,
      });
      expect((await run(ACTOR_PUBLIC_BUYER, { id: 'act-priv' })).data!.actor.publicBuyer).toBe(false);
    });

    it('createActor makes up an act- id when none is given, and takes a SIRET written in groups', async () => {
      const grouped = siret(1).replace(/^(\d{3})(\d{3})(\d{3})(\d{5})$/, '$1 $2 $3 $4');
      const actor = await createActor({ name: 'Sans id', roles: ['CANTEEN'], siret: grouped, communeInsee: VALENCE.insee });
      expect(actor.id).toMatch(/^act-[0-9a-f-]{36}$/);
      expect(actor.siret).toBe(siret(1));
      expect(await count('Actor')).toBe(1);
    });

    it('createActor places the actor at the location given', async () => {
      const actor = await createActor({
        id: 'act-1',
        name: 'Ferme',
        roles: ['FARM'],
        siret: siret(1),
        communeInsee: VALENCE.insee,
        location: { latitude: 44.9, longitude: 4.95 },
      });
      expect(actor.location).toEqual({ latitude: 44.9, longitude: 4.95 });
    });

    it('updateActor changes only the fields given', async () => {
      await createActor({
        id: 'act-1',
        name: 'Ferme',
        roles: ['FARM'],
        siret: siret(1),
        clubMember: true,
        memberGroup: 'PRODUCERS',
        email: 'a@ferme.fr',
        description: 'Chèvres',
        communeInsee: VALENCE.insee,
      });
      const result = await run(UPDATE_ACTOR, { id: 'act-1', input: { name: 'Ferme des Chèvres' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateActor).toEqual({
        id: 'act-1',
        name: 'Ferme des Chèvres',
        roles: ['FARM'],
        siret: siret(1),
        clubMember: true,
        memberGroup: 'PRODUCERS',
        fictitious: false,
        email: 'a@ferme.fr',
        description: 'Chèvres',
        location: { latitude: VALENCE.latitude, longitude: VALENCE.longitude },
        commune: { insee: VALENCE.insee, name: 'Valence' },
      });
    });

    it('updateActor clears an optional field given as null', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), email: 'a@ferme.fr', communeInsee: VALENCE.insee });
      const result = await run(UPDATE_ACTOR, { id: 'act-1', input: { email: null } });
      expect(result.data!.updateActor.email).toBeNull();
      expect(result.data!.updateActor.name).toBe('Ferme');
    });

    it('updateActor with a new communeInsee moves the actor, and to the new centroid when its location was never given', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await run(UPDATE_ACTOR, { id: 'act-1', input: { communeInsee: BOURG_LES_VALENCE.insee } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateActor.commune).toEqual({ insee: BOURG_LES_VALENCE.insee, name: 'Bourg-lès-Valence' });
      expect(result.data!.updateActor.location).toEqual({ latitude: BOURG_LES_VALENCE.latitude, longitude: BOURG_LES_VALENCE.longitude });
      const [{ communes }] = await db.read<{ communes: number }>(
        'MATCH (:Actor {id: "act-1"})-[r:LOCATED_IN]->() RETURN count(r) AS communes',
      );
      expect(communes).toBe(1);
    });

    it('updateActor keeps a location that was given when the commune changes', async () => {
      const location = { latitude: 44.9, longitude: 4.95 };
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee, location });
      const result = await run(UPDATE_ACTOR, { id: 'act-1', input: { communeInsee: BOURG_LES_VALENCE.insee } });
      expect(result.data!.updateActor.location).toEqual(location);
    });

    it('sees each write of a request: the loaders forget what they cached before a mutation', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await run(`mutation {
        first: updateActor(id: "act-1", input: { communeInsee: "${BOURG_LES_VALENCE.insee}" }) { commune { insee } }
        second: updateActor(id: "act-1", input: { communeInsee: "${VALENCE.insee}" }) { commune { insee } }
      }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({
        first: { commune: { insee: BOURG_LES_VALENCE.insee } },
        second: { commune: { insee: VALENCE.insee } },
      });
    });

    it('rejects a SIRET whose check digit is wrong with BAD_USER_INPUT, listing the issue', async () => {
      const result = await rejected(CREATE_ACTOR, {
        input: { id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: badSiret(1), communeInsee: VALENCE.insee },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([expect.objectContaining({ field: 'siret', value: badSiret(1) })]);
      expect(result.errors![0].message).toMatch(/siret: bad SIRET .*check digit/);
    });

    it('rejects an unknown commune with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_ACTOR, { input: { name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: '99999' } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([expect.objectContaining({ field: 'communeInsee', value: '99999' })]);
      expect(result.errors![0].message).toContain('unknown commune "99999"');
    });

    it('lists every problem of the input at once', async () => {
      const result = await rejected(CREATE_ACTOR, {
        input: { name: 'Ferme', roles: ['FARM'], siret: badSiret(1), email: 'pas une adresse', communeInsee: '99999' },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(
        issuesOf(result)
          .map((i) => i.field)
          .sort(),
      ).toEqual(['communeInsee', 'email', 'siret']);
    });

    it('rejects an update to an invalid commune with BAD_USER_INPUT and keeps the actor as it was', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await rejected(UPDATE_ACTOR, { id: 'act-1', input: { name: 'Autre nom', communeInsee: '99999' } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('rejects null for a field an actor cannot lack with BAD_USER_INPUT', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await rejected(UPDATE_ACTOR, { id: 'act-1', input: { name: null } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('rejects an id that already exists with CONFLICT', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await rejected(CREATE_ACTOR, {
        input: { id: 'act-1', name: 'Autre', roles: ['FARM'], siret: siret(2), communeInsee: VALENCE.insee },
      });
      expect(codeOf(result)).toBe('CONFLICT');
      expect(result.errors![0].message).toContain('"act-1" already exists');
    });

    it('rejects a SIRET another actor holds with CONFLICT, on create and on update', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      await createActor({ id: 'act-2', name: 'Moulin', roles: ['MILL'], siret: siret(2), communeInsee: VALENCE.insee });
      const created = await rejected(CREATE_ACTOR, {
        input: { name: 'Copie', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee },
      });
      expect(codeOf(created)).toBe('CONFLICT');
      expect(created.errors![0].extensions).toMatchObject({ field: 'siret', holderId: 'act-1' });
      const updated = await rejected(UPDATE_ACTOR, { id: 'act-2', input: { siret: siret(1) } });
      expect(codeOf(updated)).toBe('CONFLICT');
    });

    it('lets an actor keep its own SIRET on update', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await run(UPDATE_ACTOR, { id: 'act-1', input: { siret: siret(1), roles: ['FARM', 'DAIRY'] } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateActor.roles).toEqual(['FARM', 'DAIRY']);
    });

    it('answers NOT_FOUND to updating or deleting an unknown actor', async () => {
      const updated = await rejected(UPDATE_ACTOR, { id: 'act-nope', input: { name: 'X' } });
      expect(codeOf(updated)).toBe('NOT_FOUND');
      const deleted = await rejected(DELETE_ACTOR, { id: 'act-nope' });
      expect(codeOf(deleted)).toBe('NOT_FOUND');
    });

    it('deleteActor of an actor with nothing attached deletes only the actor', async () => {
      await createActor({ id: 'act-1', name: 'Ferme', roles: ['FARM'], siret: siret(1), communeInsee: VALENCE.insee });
      const result = await run(DELETE_ACTOR, { id: 'act-1' });
      expect(result.data).toEqual({
        deleteActor: { id: 'act-1', cascade: { offers: 0, needs: 0, supplyLinks: 0, provenanceRelationships: 0 } },
      });
      expect(await count('Actor')).toBe(0);
    });

    it('deleteActor deletes its offers, needs and supply links, and says so', async () => {
      await createThreeActors();
      await run(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-mill', productId: 'farine-ble-t80' } });
      await run(CREATE_NEED, { input: { id: 'need-1', actorId: 'act-mill', productId: 'ble-tendre', volume: 100, unit: 'TONNE' } });
      await run(CREATE_NEED, { input: { id: 'need-2', actorId: 'act-bakery', productId: 'farine-ble-t80', volume: 5, unit: 'TONNE' } });
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill' });
      await createLink({
        id: 'sl-flour',
        supplierId: 'act-mill',
        buyerId: 'act-bakery',
        productId: 'farine-ble-t80',
        sourcedFromIds: ['sl-wheat'],
      });

      const result = await run(DELETE_ACTOR, { id: 'act-mill' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.deleteActor).toEqual({
        id: 'act-mill',
        cascade: { offers: 1, needs: 1, supplyLinks: 2, provenanceRelationships: 1 },
      });
      expect([await count('Actor'), await count('Offer'), await count('Need'), await count('SupplyLink')]).toEqual([2, 0, 1, 0]);
      const gone = await run(
        graphql(`
          query MillGone {
            actor(id: "act-mill") {
              id
            }
          }
        `),
      );
      expect(codeOf(gone)).toBe('NOT_FOUND');
      const bakery = await run(
        graphql(`
          query BakeryNeedsAndPurchases {
            actor(id: "act-bakery") {
              needs {
                id
              }
              purchases {
                id
              }
            }
          }
        `),
      );
      expect(bakery.data).toEqual({ actor: { needs: [{ id: 'need-2' }], purchases: [] } });
    });
  });

  describe('offers', () => {
    beforeEach(createThreeActors);

    it('createOffer returns the offer with its actor, product, labels and delivery area', async () => {
      const result = await run(CREATE_OFFER, {
        input: {
          id: 'off-1',
          actorId: 'act-mill',
          productId: 'farine-ble-t80',
          labelIds: ['ab', 'hve'],
          months: [9, 3, 4],
          capacity: 12,
          capacityUnit: 'TONNE',
          deliveryRadiusKm: 40,
          deliveryCommunes: [BOURG_LES_VALENCE.insee],
          deliveryEpcis: ['200068781'],
          priceEur: 1.2,
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createOffer).toEqual({
        id: 'off-1',
        months: [3, 4, 9],
        capacity: 12,
        capacityUnit: 'TONNE',
        deliveryRadiusKm: 40,
        priceEur: 1.2,
        actor: { id: 'act-mill' },
        product: { id: 'farine-ble-t80' },
        labels: expect.arrayContaining([{ id: 'ab' }, { id: 'hve' }]),
        deliveryCommunes: [{ insee: BOURG_LES_VALENCE.insee }],
        deliveryEpcis: [{ siren: '200068781' }],
      });
      expect(result.data!.createOffer.labels).toHaveLength(2);
    });

    it('createOffer defaults to all year, no labels, and makes up an off- id', async () => {
      const result = await run(CREATE_OFFER, { input: { actorId: 'act-farm', productId: 'ble-tendre' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createOffer).toMatchObject({ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], labels: [], capacity: null });
      expect(result.data!.createOffer.id).toMatch(/^off-[0-9a-f-]{36}$/);
    });

    it('updateOffer changes only the fields given', async () => {
      await run(CREATE_OFFER, {
        input: { id: 'off-1', actorId: 'act-mill', productId: 'farine-ble-t80', labelIds: ['ab'], months: [1, 2], deliveryRadiusKm: 30 },
      });
      const result = await run(UPDATE_OFFER, { id: 'off-1', input: { labelIds: ['hve'], productId: 'farine-ble-t65' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateOffer).toMatchObject({
        months: [1, 2],
        deliveryRadiusKm: 30,
        actor: { id: 'act-mill' },
        product: { id: 'farine-ble-t65' },
        labels: [{ id: 'hve' }],
      });
      const [{ products }] = await db.read<{ products: number }>(
        'MATCH (:Offer {id: "off-1"})-[r:OF_PRODUCT]->() RETURN count(r) AS products',
      );
      expect(products).toBe(1);
    });

    it('rejects month 13 with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_OFFER, { input: { actorId: 'act-farm', productId: 'ble-tendre', months: [12, 13] } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    });

    it('checks months, lists, capacities, prices and radii with the same messages on create and on update', async () => {
      const bad = {
        months: [],
        capacity: -1,
        priceEur: -0.5,
        deliveryRadiusKm: 600,
        labelIds: Array.from({ length: 21 }, (_, i) => `l${i}`),
      };
      const created = await rejected(CREATE_OFFER, { input: { actorId: 'act-farm', productId: 'ble-tendre', ...bad } });
      expect(codeOf(created)).toBe('BAD_USER_INPUT');
      const shared = {
        capacity: ['capacity must be at least 0'],
        priceEur: ['priceEur must be at least 0'],
        deliveryRadiusKm: ['deliveryRadiusKm must be from 0 to 500'],
        labelIds: ['labelIds must contain no more than 20 elements'],
      };
      expect(validationMessagesOf(created)).toEqual({
        ...shared,
        months: ['months must list at least one month; leave it out for all year'],
      });

      await run(CREATE_OFFER, { input: { id: 'off-shape', actorId: 'act-farm', productId: 'ble-tendre' } });
      const updated = await rejected(UPDATE_OFFER, { id: 'off-shape', input: bad });
      expect(validationMessagesOf(updated)).toEqual({ ...shared, months: ['months must list at least one month; null for all year'] });
      const thirteen = await rejected(UPDATE_OFFER, { id: 'off-shape', input: { months: [0, 13] } });
      const monthMessage = 'each month must be a whole number from 1 (January) to 12 (December)';
      expect(validationMessagesOf(thirteen)).toEqual({ months: [monthMessage, monthMessage] }); // below 1 and above 12
    });

    it('rejects an unknown product or label, and an offer of an unknown actor, with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_OFFER, { input: { actorId: 'act-nope', productId: 'caviar', labelIds: ['ab', 'bio-maison'] } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({ field: 'actorId', value: 'act-nope', reason: expect.stringContaining('dangling reference') }),
        expect.objectContaining({ field: 'productId', value: 'caviar' }),
        expect.objectContaining({ field: 'labelIds', value: 'bio-maison' }),
      ]);
    });

    it('rejects a capacity without its unit with BAD_USER_INPUT, as the importer does', async () => {
      const result = await rejected(CREATE_OFFER, { input: { actorId: 'act-farm', productId: 'ble-tendre', capacity: 10 } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([expect.objectContaining({ field: 'capacityUnit' })]);
    });

    it('rejects an offer id that already exists with CONFLICT', async () => {
      await run(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-farm', productId: 'ble-tendre' } });
      const result = await rejected(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-mill', productId: 'farine-ble-t80' } });
      expect(codeOf(result)).toBe('CONFLICT');
    });

    it('lets one of two simultaneous creates of one id win, and answers CONFLICT to the other', async () => {
      const results = await Promise.all([
        run(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-farm', productId: 'ble-tendre' } }),
        run(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-mill', productId: 'farine-ble-t80' } }),
      ]);
      expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
      expect(await count('Offer')).toBe(1);
    });

    it('answers NOT_FOUND to updating or deleting an unknown offer', async () => {
      expect(codeOf(await rejected(UPDATE_OFFER, { id: 'off-nope', input: { months: [1] } }))).toBe('NOT_FOUND');
      expect(codeOf(await rejected(DELETE_OFFER, { id: 'off-nope' }))).toBe('NOT_FOUND');
    });

    it('deleteOffer removes the offer from its actor', async () => {
      await run(CREATE_OFFER, { input: { id: 'off-1', actorId: 'act-farm', productId: 'ble-tendre', labelIds: ['ab'] } });
      const result = await run(DELETE_OFFER, { id: 'off-1' });
      expect(result.data!.deleteOffer).toEqual({
        id: 'off-1',
        cascade: { offers: 0, needs: 0, supplyLinks: 0, provenanceRelationships: 0 },
      });
      expect(await count('Offer')).toBe(0);
      const farm = await run(
        graphql(`
          query FarmOffers {
            actor(id: "act-farm") {
              offers {
                id
              }
            }
          }
        `),
      );
      expect(farm.data).toEqual({ actor: { offers: [] } });
    });
  });

  describe('needs', () => {
    beforeEach(createThreeActors);

    it('createNeed returns the need with its buyer, product and required labels', async () => {
      const result = await run(CREATE_NEED, {
        input: {
          id: 'need-1',
          actorId: 'act-bakery',
          productId: 'farine-ble-t80',
          volume: 8,
          unit: 'TONNE',
          requiredLabelIds: ['ab'],
          months: [10, 11],
        },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createNeed).toEqual({
        id: 'need-1',
        volume: 8,
        unit: 'TONNE',
        months: [10, 11],
        actor: { id: 'act-bakery' },
        product: { id: 'farine-ble-t80' },
        requiredLabels: [{ id: 'ab' }],
      });
    });

    it('updateNeed changes only the fields given', async () => {
      await run(CREATE_NEED, {
        input: { id: 'need-1', actorId: 'act-bakery', productId: 'farine-ble-t80', volume: 8, unit: 'TONNE', requiredLabelIds: ['ab'] },
      });
      const result = await run(UPDATE_NEED, { id: 'need-1', input: { volume: 9.5 } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateNeed).toMatchObject({
        volume: 9.5,
        unit: 'TONNE',
        product: { id: 'farine-ble-t80' },
        requiredLabels: [{ id: 'ab' }],
      });
    });

    it('rejects a negative volume with BAD_USER_INPUT, on create and on update', async () => {
      const created = await rejected(CREATE_NEED, {
        input: { actorId: 'act-bakery', productId: 'farine-ble-t80', volume: -1, unit: 'KG' },
      });
      expect(codeOf(created)).toBe('BAD_USER_INPUT');
      await run(CREATE_NEED, { input: { id: 'need-1', actorId: 'act-bakery', productId: 'farine-ble-t80', volume: 8, unit: 'TONNE' } });
      const updated = await rejected(UPDATE_NEED, { id: 'need-1', input: { volume: -3 } });
      expect(codeOf(updated)).toBe('BAD_USER_INPUT');
      expect(validationMessagesOf(created)).toEqual({ volume: ['volume must be at least 0'] });
      expect(validationMessagesOf(updated)).toEqual({ volume: ['volume must be at least 0'] });
    });

    it('rejects a need of an unknown buyer with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_NEED, { input: { actorId: 'act-nope', productId: 'farine-ble-t80', volume: 1, unit: 'KG' } });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([expect.objectContaining({ field: 'actorId', value: 'act-nope' })]);
    });

    it('deleteNeed deletes the need; NOT_FOUND the second time', async () => {
      await run(CREATE_NEED, { input: { id: 'need-1', actorId: 'act-bakery', productId: 'farine-ble-t80', volume: 8, unit: 'TONNE' } });
      const result = await run(DELETE_NEED, { id: 'need-1' });
      expect(result.data!.deleteNeed.id).toBe('need-1');
      expect(await count('Need')).toBe(0);
      expect(codeOf(await rejected(DELETE_NEED, { id: 'need-1' }))).toBe('NOT_FOUND');
    });
  });

  describe('supply links', () => {
    beforeEach(createThreeActors);

    it('createSupplyLink returns the link with its supplier, buyer, product, labels and provenance', async () => {
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill', labelIds: ['ab'] });
      const link = await createLink({
        id: 'sl-flour',
        supplierId: 'act-mill',
        buyerId: 'act-bakery',
        productId: 'farine-ble-t80',
        labelIds: ['ab'],
        volume: 7.5,
        valueEur: 9000,
        since: '2021-09-01',
        frequency: 'WEEKLY',
        channel: 'AGRILOCAL',
        sourcedFromIds: ['sl-wheat'],
      });
      expect(link).toEqual({
        id: 'sl-flour',
        volume: 7.5,
        unit: 'TONNE',
        valueEur: 9000,
        since: '2021-09-01',
        frequency: 'WEEKLY',
        channel: 'AGRILOCAL',
        supplier: { id: 'act-mill' },
        buyer: { id: 'act-bakery' },
        product: { id: 'farine-ble-t80' },
        labels: [{ id: 'ab' }],
        sourcedFrom: [{ id: 'sl-wheat' }],
      });
    });

    it('updateSupplyLink changes only the fields given', async () => {
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill' });
      await createLink({
        id: 'sl-flour',
        supplierId: 'act-mill',
        buyerId: 'act-bakery',
        productId: 'farine-ble-t80',
        since: '2020-01-15',
        sourcedFromIds: ['sl-wheat'],
      });
      const result = await run(UPDATE_LINK, { id: 'sl-flour', input: { volume: 3, frequency: 'MONTHLY', channel: 'PUBLIC_TENDER' } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateSupplyLink).toMatchObject({
        volume: 3,
        frequency: 'MONTHLY',
        channel: 'PUBLIC_TENDER',
        since: '2020-01-15',
        supplier: { id: 'act-mill' },
        product: { id: 'farine-ble-t80' },
        sourcedFrom: [{ id: 'sl-wheat' }],
      });
    });

    it('rejects a dangling supplier with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_LINK, {
        input: { supplierId: 'act-nope', buyerId: 'act-mill', productId: 'ble-tendre', volume: 1, unit: 'TONNE' },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({ field: 'supplierId', reason: expect.stringContaining('dangling reference') }),
      ]);
    });

    it('rejects provenance from a link its supplier does not buy on with BAD_USER_INPUT', async () => {
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill' });
      const result = await rejected(CREATE_LINK, {
        input: {
          supplierId: 'act-farm',
          buyerId: 'act-bakery',
          productId: 'ble-tendre',
          volume: 1,
          unit: 'TONNE',
          sourcedFromIds: ['sl-wheat'],
        },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({ field: 'sourcedFromIds', reason: expect.stringContaining('dangling provenance') }),
      ]);
    });

    it('rejects a link whose supplier is its buyer, or that starts in the future, with BAD_USER_INPUT', async () => {
      const result = await rejected(CREATE_LINK, {
        input: { supplierId: 'act-farm', buyerId: 'act-farm', productId: 'ble-tendre', volume: 1, unit: 'TONNE', since: '2999-01-01' },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(issuesOf(result).map((i) => i.field)).toEqual(['buyerId', 'since']);
    });

    it('rejects a supply link id that already exists with CONFLICT', async () => {
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill' });
      const result = await rejected(CREATE_LINK, {
        input: { id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-bakery', productId: 'ble-tendre', volume: 1, unit: 'KG' },
      });
      expect(codeOf(result)).toBe('CONFLICT');
    });

    it('answers NOT_FOUND to updating or deleting an unknown supply link', async () => {
      expect(codeOf(await rejected(UPDATE_LINK, { id: 'sl-nope', input: { volume: 1 } }))).toBe('NOT_FOUND');
      expect(codeOf(await rejected(DELETE_LINK, { id: 'sl-nope' }))).toBe('NOT_FOUND');
    });

    it('deleteSupplyLink removes the provenance relationships to and from the link', async () => {
      await createLink({ id: 'sl-wheat', supplierId: 'act-farm', buyerId: 'act-mill' });
      await createLink({
        id: 'sl-flour',
        supplierId: 'act-mill',
        buyerId: 'act-bakery',
        productId: 'farine-ble-t80',
        sourcedFromIds: ['sl-wheat'],
      });
      const result = await run(DELETE_LINK, { id: 'sl-wheat' });
      expect(result.data!.deleteSupplyLink).toEqual({
        id: 'sl-wheat',
        cascade: { offers: 0, needs: 0, supplyLinks: 0, provenanceRelationships: 1 },
      });
      const flour = await run(
        graphql(`
          query FlourProvenance {
            supplyLink(id: "sl-flour") {
              sourcedFrom {
                id
              }
            }
          }
        `),
      );
      expect(flour.data).toEqual({ supplyLink: { sourcedFrom: [] } });
      expect(await count('SupplyLink')).toBe(1);
    });
  });

  it('documents every field of the mutation inputs and results', async () => {
    const schema = await buildMaillonSchema();
    const names = [
      'CreateActorInput',
      'UpdateActorInput',
      'CreateOfferInput',
      'UpdateOfferInput',
      'CreateNeedInput',
      'UpdateNeedInput',
      'CreateSupplyLinkInput',
      'UpdateSupplyLinkInput',
      'DeletedRecord',
      'DeletionCounts',
    ];
    const undocumented = names.flatMap((name) => {
      const type = schema.getType(name) as GraphQLInputObjectType | GraphQLObjectType;
      const fields = Object.values(type.getFields())
        .filter((f) => !f.description)
        .map((f) => `${name}.${f.name}`);
      return type.description ? fields : [name, ...fields];
    });
    const mutations = Object.values(schema.getMutationType()!.getFields()).filter((f) => /^(create|update|delete)/.test(f.name));
    expect(mutations.map((m) => m.name).sort()).toEqual(
      ['Actor', 'Need', 'Offer', 'SupplyLink'].flatMap((e) => [`create${e}`, `delete${e}`, `update${e}`]).sort(),
    );
    expect([...undocumented, ...mutations.filter((m) => !m.description).map((m) => m.name)]).toEqual([]);
  });
});
