import { ActorRole, MemberGroup } from '../../src/actor';
import type { ActorRecord, LabelRecord } from '../../src/records';
import type { CommuneRef } from './communes';
import { pointNear } from './geo';
import { aCommune, agenceBioNumberFor, fictitiousPhone, NameBook, siretFor, siretOf, toSlug, type SiretNamespace } from './identity';
import { ORGANIC_LABEL, roleMask, type IdScheme, type Line, type LineOrigin, type SeedActor } from './model';
import type { ActorProfile, LineSpec, Placement } from './profiles';
import type { Random } from './random';
import type { ProductTaxonomy } from './taxonomy';
import type { ZoneAtlas } from './zones';

/** An actor to create: its kind and commune, and whatever the seed fixes by hand. */
export interface ActorDraft {
  profile: ActorProfile;
  commune: CommuneRef;
  placement: Placement | null;
  name?: string;
  organic?: boolean;
  organicLineShare?: number;
  /** Replaces the profile's lines (chance 1 unless given). */
  lines?: readonly LineSpec[];
  description?: string;
  scale?: number;
  clubMember?: boolean;
  memberGroup?: MemberGroup;
  wantOrganicShare?: number;
  /** Meals a year, for a kitchen whose size is public. */
  meals?: number;
  /** A real body (public institution), not an invented operator. */
  real?: boolean;
  /** Delivery radius fixed by hand (km). */
  deliveryKm?: number;
  /** Sells only where the seed sends its goods by hand. */
  exclusive?: boolean;
  /** Its real SIREN and establishment number (NIC without check digit), where public. */
  siren?: { siren: string; establishment: number };
}

/** An actor's standing toward organic certification, decided once, applied to each of its lines. */
type OrganicStanding = 'ab' | 'ab-demeter' | 'conversion' | 'nature-et-progres' | 'none';

/** Actors are located within this distance of their commune's centroid. */
export const MAX_JITTER_KM = 2.5;

const MOBILE_ROLES = new Set<ActorRole>([ActorRole.FARM]);
const WEBSITE_ROLES = new Set<ActorRole>([
  ActorRole.MILL,
  ActorRole.PROCESSOR,
  ActorRole.DAIRY,
  ActorRole.RETAILER,
  ActorRole.RESTAURANT,
  ActorRole.FOOD_HUB,
  ActorRole.WHOLESALER,
]);

/** Creates actors and their lines of goods, in order, with deterministic identities. */
export class Population {
  readonly actors: SeedActor[] = [];
  private lineCount = 0;

  constructor(
    private readonly rng: Random,
    private readonly names: NameBook,
    private readonly ids: IdScheme,
    private readonly namespace: SiretNamespace,
    private readonly taxonomy: ProductTaxonomy,
    private readonly labels: ReadonlyMap<string, LabelRecord>,
  ) {}

  /** A draft for a generic actor of this kind: an area drawn by weight, then a commune in it. */
  draftFor(profile: ActorProfile, atlas: ZoneAtlas): ActorDraft {
    const placement = pickPlacement(profile.placements, this.rng);
    return { profile, placement, commune: atlas.zone(placement.zone).pick(this.rng) };
  }

  add(draft: ActorDraft): SeedActor {
    const { profile, commune } = draft;
    const rng = this.rng;
    const index = this.actors.length;
    const standing = this.standingOf(draft);
    const name = draft.name ? this.names.reserve(draft.name) : this.names.invent(profile.names, rng, commune);
    const point = pointNear(rng, commune.latitude, commune.longitude, MAX_JITTER_KM);
    const clubMember = draft.clubMember ?? rng.chance(profile.clubShare);
    const roles = [...profile.roles];
    const record: ActorRecord = {
      id: this.ids.actor(index + 1),
      name,
      roles,
      siret: draft.siren ? siretOf(draft.siren.siren, draft.siren.establishment) : siretFor(index, this.namespace),
      agenceBioNumber: standing === 'ab' || standing === 'ab-demeter' ? agenceBioNumberFor(index, this.namespace) : null,
      fictitious: draft.real !== true,
      publicBuyer: profile.publicBuyer === true,
      clubMember,
      memberGroup: clubMember ? (draft.memberGroup ?? profile.group) : null,
      email: this.names.email(name),
      phone: fictitiousPhone(
        rng,
        roles.some((r) => MOBILE_ROLES.has(r)),
      ),
      website: roles.some((r) => WEBSITE_ROLES.has(r)) && rng.chance(0.35) ? `https://www.${toSlug(name, '-')}.exemple.fr` : null,
      description: null,
      communeInsee: commune.insee,
      latitude: point.latitude,
      longitude: point.longitude,
    };
    const actor: SeedActor = {
      index,
      record,
      profile,
      commune,
      tier: profile.tier,
      roleMask: roleMask(roles),
      organic: standing === 'ab' || standing === 'ab-demeter',
      scale: draft.scale ?? profile.scale,
      wantOrganicShare: draft.wantOrganicShare ?? null,
      meals: draft.meals,
      deliveryKm: draft.deliveryKm,
      exclusive: draft.exclusive,
      lines: [],
      purchases: null,
      bought: null,
      latitude: point.latitude,
      longitude: point.longitude,
    };
    this.createLines(actor, draft, standing);
    record.description = draft.description ?? this.describe(actor, standing);
    this.actors.push(actor);
    return actor;
  }

  /**
   * Organic certification covers every operator that handles organic goods (EU 2018/848): one that
   * ended up reselling or making organic goods gets its Agence Bio number, unless it is one of the
   * seed's deliberate integrity breaks.
   */
  certifyOrganicHandlers(uncertified: ReadonlySet<string> = new Set()): void {
    for (const actor of this.actors) {
      if (actor.record.agenceBioNumber || uncertified.has(actor.record.id)) continue;
      if (actor.lines.some((l) => l.outLinks > 0 && l.labelIds.some((id) => this.isLegalOrganic(id))))
        actor.record.agenceBioNumber = agenceBioNumberFor(actor.index, this.namespace);
    }
  }

  /** EU organic, conversion included (a private mark such as Nature & Progrès needs no Agence Bio number). */
  private isLegalOrganic(labelId: string): boolean {
    const kind = this.labels.get(labelId)?.kind;
    return kind === 'ORGANIC' || kind === 'ORGANIC_CONVERSION';
  }

  /** Finds or creates the actor's line of a product with exactly these labels. */
  ensureLine(actor: SeedActor, productId: string, labelIds: readonly string[], origin: LineOrigin, spec: LineSpec | null = null): Line {
    const labels = [...new Set(labelIds)].sort();
    const existing = actor.lines.find((l) => l.productId === productId && sameLabels(l.labelIds, labels));
    if (existing) return existing;
    this.lineCount += 1;
    const line: Line = {
      uid: this.lineCount,
      actor,
      roleMask: actor.roleMask,
      productId,
      labelIds: labels,
      organic: labels.includes(ORGANIC_LABEL),
      raw: this.taxonomy.isRawMaterial(productId),
      origin,
      spec,
      slots: origin === 'resell' ? [{ inputId: productId, links: [] }] : [],
      readyTier: origin === 'farm' || origin === 'import' ? -1 : actor.tier,
      frozen: false,
      outLinks: 0,
      minSourceDepth: Infinity,
      soldVolume: 0,
      buyers: [],
      latitude: actor.latitude,
      longitude: actor.longitude,
    };
    actor.lines.push(line);
    return line;
  }

  private standingOf(draft: ActorDraft): OrganicStanding {
    const { profile } = draft;
    const rng = this.rng;
    const organic = draft.organic ?? rng.chance(profile.organicShare);
    if (!organic)
      return draft.organic === undefined && profile.conversionShare && rng.chance(profile.conversionShare) ? 'conversion' : 'none';
    const mark = profile.privateOrganic;
    if (draft.organic === undefined && mark && rng.chance(mark.share))
      return mark.labelId === 'demeter' ? 'ab-demeter' : 'nature-et-progres';
    return 'ab';
  }

  private createLines(actor: SeedActor, draft: ActorDraft, standing: OrganicStanding): void {
    const rng = this.rng;
    const specs = draft.lines ?? [...(draft.profile.lines ?? []), ...(draft.placement?.lines ?? [])];
    const hve = standing === 'none' && actor.profile.hveShare !== undefined && rng.chance(actor.profile.hveShare);
    const lineShare = draft.organicLineShare ?? actor.profile.organicLineShare ?? 0.9;
    for (const spec of specs) {
      const forced = draft.lines !== undefined && spec.chance === undefined;
      if (!forced && !rng.chance(spec.chance ?? 1)) continue;
      this.ensureLine(actor, spec.productId, this.labelsFor(spec, standing, hve, lineShare), spec.kind, spec);
    }
    // An actor with no line drawn still sells its main product.
    if (actor.lines.length === 0 && specs.length > 0) {
      this.ensureLine(actor, specs[0].productId, this.labelsFor(specs[0], standing, hve, lineShare), specs[0].kind, specs[0]);
    }
  }

  private labelsFor(spec: LineSpec, standing: OrganicStanding, hve: boolean, lineShare: number): string[] {
    const rng = this.rng;
    const labels = [...(spec.labels ?? [])];
    if (spec.labelChoices) labels.push(...rng.pick(spec.labelChoices));
    if (spec.organic !== 'never') {
      if ((standing === 'ab' || standing === 'ab-demeter') && rng.chance(lineShare)) {
        labels.push(ORGANIC_LABEL);
        if (standing === 'ab-demeter') labels.push('demeter');
      } else if (standing === 'conversion') labels.push('organic-conversion');
      else if (standing === 'nature-et-progres') labels.push('nature-et-progres');
    }
    if (hve && spec.kind === 'farm') labels.push('hve');
    return labels.filter((id) => this.labelFits(id, spec.productId));
  }

  /** An appellation only on the products its specification names (and their narrower products). */
  private labelFits(labelId: string, productId: string): boolean {
    const label = this.labels.get(labelId);
    if (!label) throw new Error(`unknown label ${labelId}: add it to seeds/labels.json or fix the profile`);
    return label.productIds.length === 0 || label.productIds.some((p) => this.taxonomy.isSameOrNarrower(productId, p));
  }

  private describe(actor: SeedActor, standing: OrganicStanding): string {
    const parts = [`${actor.profile.summary} ${aCommune(actor.commune.name)}.`];
    if (standing === 'ab' || standing === 'ab-demeter')
      parts.push(standing === 'ab-demeter' ? 'Certification AB et Demeter.' : 'Certification agriculture biologique (AB).');
    if (standing === 'conversion') parts.push("En conversion vers l'agriculture biologique.");
    if (standing === 'nature-et-progres') parts.push('Mention Nature & Progrès (sans certification AB).');
    const products = [...new Set(actor.lines.map((l) => this.taxonomy.get(l.productId).name))].slice(0, 5);
    if (products.length > 0) parts.push(`Produits : ${products.join(', ')}.`);
    return parts.join(' ');
  }
}

function pickPlacement(placements: readonly Placement[], rng: Random): Placement {
  const total = placements.reduce((s, p) => s + p.weight, 0);
  let target = rng.float() * total;
  for (const p of placements) {
    target -= p.weight;
    if (target < 0) return p;
  }
  return placements[placements.length - 1];
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
