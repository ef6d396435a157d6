// Node ids without a promise each. plugin-relay resolves every Node's `id` through an async function, so
// a page of 50 cases with their dispatches made about 150 promises only to base64 their ids. A row's id
// is at hand, so this plugin (the innermost wrapper) encodes it at once, exactly as plugin-relay would.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { GraphQLFieldResolver } from 'graphql';

type IdOptions = { id?: { resolve?: (parent: unknown, args: object, ctx: unknown, info: unknown) => unknown } };

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      nodeId: NodeIdPlugin<Types>;
    }
  }
}

export class NodeIdPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.name !== 'id' || fieldConfig.kind !== 'Object') return resolver;
    const type = this.buildCache.getTypeConfig(fieldConfig.parentType);
    const id = (type.pothosOptions as IdOptions).id?.resolve;
    // only Node types (plugin-relay marks them), and only with the default encoding
    if (type.kind !== 'Object' || !('pothosParseGlobalID' in (type.extensions ?? {})) || !id) return resolver;
    if ((this.builder.options as { relay?: { encodeGlobalID?: unknown } }).relay?.encodeGlobalID) return resolver;
    const encode = globalIdEncoder(type.name);
    return (parent, args, ctx, info) => {
      const raw = id(parent, args, ctx, info);
      return typeof raw === 'string' || typeof raw === 'number' ? encode(String(raw)) : resolver(parent, args, ctx, info);
    };
  }
}

const ASCII = /^[\x20-\x7e]*$/;

/**
 * plugin-relay's encoding of `typename:id` (base64 of its UTF-8), for one type. An ASCII id (every uuid)
 * is its own UTF-8, so `btoa` gives the same text at a third of the cost of going through a Buffer.
 */
export function globalIdEncoder(typename: string): (id: string) => string {
  const prefix = `${typename}:`;
  const asciiType = ASCII.test(typename);
  return (id) => (asciiType && ASCII.test(id) ? btoa(prefix + id) : encodeGlobalID(typename, id));
}

SchemaBuilder.registerPlugin('nodeId', NodeIdPlugin);
