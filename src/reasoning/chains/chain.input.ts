import { IsOptional, Matches, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType({
  description:
    'The links a label-integrity check looks at: those sold by an actor, of a product, or sold by actors of a territory. Give exactly one.',
})
export class IntegrityScopeInput {
  @Field(() => String, { nullable: true, description: 'Links this actor sells (actor id).' })
  @IsOptional()
  @MaxLength(64)
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Links of this product or a narrower one ("pain" covers "pain-de-campagne").' })
  @IsOptional()
  @MaxLength(100)
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Links sold by actors located in this department (INSEE code, "26").' })
  @IsOptional()
  @Matches(/^(\d{2}|2[AB]|97\d)$/, { message: 'departmentCode must be a department code, e.g. "26"' })
  departmentCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Links sold by actors located in this EPCI (SIREN, "200068781").' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'epciSiren must be a SIREN of 9 digits, e.g. "200068781"' })
  epciSiren?: string | null;
}
