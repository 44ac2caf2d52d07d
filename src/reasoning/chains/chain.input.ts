import { IsOptional, ValidateNested } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ExactlyOneOf, InRange, NotBlank, registerClassRule } from '../../common';
import { ActorIdScopeField, DepartmentCodeScopeField, EpciSirenScopeField, exactlyOneScope, ProductIdScopeField } from '../scope';
import { DEFAULT_CHAIN_DEPTH, MAX_CHAIN_DEPTH } from './chain.cypher';

/** The label checked when the client names none: AB, the French organic label. */
export const DEFAULT_INTEGRITY_LABEL = 'ab';

@InputType({
  description:
    'The links a label-integrity check looks at: those sold by an actor, of a product, or sold by actors of a territory. Give exactly one.',
})
@ExactlyOneOf(['actorId', 'productId', 'departmentCode', 'epciSiren'], exactlyOneScope)
export class IntegrityScopeInput {
  @ActorIdScopeField('Links this actor sells (actor id).')
  actorId?: string | null;

  @ProductIdScopeField('Links of this product or a narrower one ("pain" covers "pain-de-campagne").')
  productId?: string | null;

  @DepartmentCodeScopeField('Links sold by actors located in this department (INSEE code, "26").')
  departmentCode?: string | null;

  @EpciSirenScopeField('Links sold by actors located in this EPCI (SIREN, "200068781").')
  epciSiren?: string | null;
}

/** The depth argument of a chain query: 1 to MAX_CHAIN_DEPTH links, DEFAULT_CHAIN_DEPTH when left out. */
function MaxDepthField(description: string): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { nullable: true, defaultValue: DEFAULT_CHAIN_DEPTH, description })(target, key);
    IsOptional()(target, key);
    InRange(
      { min: 1, max: MAX_CHAIN_DEPTH, whole: true },
      (value) => `maxDepth must be between 1 and ${MAX_CHAIN_DEPTH} supply links; got ${value}`,
      { allowed: { min: 1, max: MAX_CHAIN_DEPTH } },
    )(target, key);
  };
}

/** The arguments of upstream, checked at the edge. */
@ArgsType()
export class UpstreamArgs {
  @Field(() => String, { description: 'The buyer whose supply is traced (actor id).' })
  @NotBlank()
  actorId!: string;

  @Field(() => String, { description: 'The product bought (product id); narrower products count ("pain" covers "pain-de-campagne").' })
  @NotBlank()
  productId!: string;

  @MaxDepthField(`Most links a chain is followed for, the actor's own purchase included: 1 to ${MAX_CHAIN_DEPTH}.`)
  maxDepth?: number | null;
}

/** The arguments of downstream, checked at the edge. */
@ArgsType()
export class DownstreamArgs {
  @Field(() => String, { description: 'The seller whose output is traced (actor id).' })
  @NotBlank()
  actorId!: string;

  @Field(() => String, { description: 'The product sold (product id); narrower products count.' })
  @NotBlank()
  productId!: string;

  @MaxDepthField(`Most links a chain is followed for, the actor's own sale included: 1 to ${MAX_CHAIN_DEPTH}.`)
  maxDepth?: number | null;
}

/** The arguments of labelIntegrity, checked at the edge. */
@ArgsType()
export class LabelIntegrityArgs {
  @Field(() => IntegrityScopeInput, { description: 'The links checked: exactly one of actor, product, department or EPCI.' })
  @ValidateNested()
  scope!: IntegrityScopeInput;

  @Field(() => String, {
    nullable: true,
    description: `The label checked (label id); "${DEFAULT_INTEGRITY_LABEL}" when left out. Not with organic: true.`,
  })
  @NotBlank()
  labelId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: check legal organic (any label with `organic`: AB, EU organic, in conversion; not Nature & Progrès or Demeter alone), accepted interchangeably ' +
      'on the checked links and upstream; false or left out: check `labelId`.',
  })
  organic?: boolean | null;
}

// "Any organic label" and one named label are two different checks: asking both is refused.
registerClassRule(LabelIntegrityArgs, 'labelId|organic', {
  name: 'labelOrOrganic',
  check: (args) => !((args as LabelIntegrityArgs).organic === true && (args as LabelIntegrityArgs).labelId != null),
  message: () => 'Give labelId or organic: true, not both',
  context: { field: 'labelId' },
});
