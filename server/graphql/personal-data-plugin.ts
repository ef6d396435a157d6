// Fields that expose personal data declare `personalData` in the schema builder. This plugin gives all of
// them the same treatment: the access rule of their kind (modules/auth/personal-data.ts), a null for
// viewers it refuses, an audit event for every read, and a note in the printed schema.
import SchemaBuilder, { BasePlugin, type FieldNullability, type InputFieldMap, type PothosOutputFieldConfig, type SchemaTypes, type TypeParam } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.js';
import { mayReadPersonalData, type PersonalDataKind, type PersonalDataOwner } from '../modules/auth/personal-data.js';

export interface PersonalDataOptions {
  kind: PersonalDataKind;
  /** Whose data it is, from the parent object: names the audited entity and carries consent. */
  owner: (parent: any) => PersonalDataOwner;
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      personalData: PersonalDataPlugin<Types>;
    }
    interface FieldOptions<Types extends SchemaTypes, ParentShape, Type extends TypeParam<Types>, Nullable extends FieldNullability<Type>, Args extends InputFieldMap, ResolveShape, ResolveReturnShape> {
      personalData?: PersonalDataOptions;
    }
  }
}

export class PersonalDataPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const spec = fieldConfig.pothosOptions.personalData as PersonalDataOptions | undefined;
    if (!spec) return fieldConfig;
    if (!fieldConfig.type.nullable) throw new Error(`${fieldConfig.parentType}.${fieldConfig.name}: personal data fields must be nullable`);
    const note = `Personal data (${spec.kind}): null unless your role may read it; every read is audited.`;
    return {
      ...fieldConfig,
      description: fieldConfig.description ? `${fieldConfig.description}\n\n${note}` : note,
      extensions: { ...fieldConfig.extensions, personalData: spec.kind },
    };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const spec = fieldConfig.pothosOptions.personalData as PersonalDataOptions | undefined;
    if (!spec) return resolver;
    const field = `${fieldConfig.parentType}.${fieldConfig.name}`;
    return async (parent, args, context, info) => {
      const ctx = context as Context;
      const owner = spec.owner(parent);
      if (!mayReadPersonalData(spec.kind, ctx.viewer, owner)) return null;
      const value = await resolver(parent, args, context, info);
      if (value !== null && value !== undefined) ctx.audit.noteRead(owner.entity, owner.id, field);
      return value;
    };
  }
}

SchemaBuilder.registerPlugin('personalData', PersonalDataPlugin);
