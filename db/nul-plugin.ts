import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely'

const NUL = /\u0000/g

function clean(value: unknown): unknown {
  return typeof value === 'string' && value.includes('\u0000') ? value.replace(NUL, '\uFFFD') : value
}

class NulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = clean(node.value)
    return value === node.value ? node : ValueNode.create(value)
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return node.values.some((v) => typeof v === 'string' && v.includes('\u0000')) ? PrimitiveValueListNode.create(node.values.map(clean)) : node
  }
}

/**
 * PostgreSQL refuses NUL in text ("invalid byte sequence"), which would turn a hostile id in a URL or form field
 * into a 500. Forms already refuse control characters with a field error; this is the database layer's safety
 * net for every other parameter: a NUL becomes U+FFFD, so a lookup by such an id simply finds nothing.
 */
export class NulParameterPlugin implements KyselyPlugin {
  readonly #transformer = new NulTransformer()

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node)
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result
  }
}
