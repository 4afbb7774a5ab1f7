// Text as the databases can keep it, in one place for every statement: PostgreSQL refuses U+0000 in text
// (and a query parameter holding one fails the whole statement), and neither backend can keep a lone
// UTF-16 surrogate as UTF-8. Both become U+FFFD, one UTF-16 unit for one, so every stored offset stays valid.
import { OperationNodeTransformer, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type PrimitiveValueListNode, type QueryResult, type RootOperationNode, type UnknownRow, type ValueNode } from 'kysely';

// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Any NUL or surrogate: a plain scan, several times faster than UNSTORABLE's look-arounds on text that has none. */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** The text with NUL and lone surrogates replaced by U+FFFD (same length). */
export function storableText(text: string): string {
  return SUSPECT.test(text) ? text.replace(UNSTORABLE, '\ufffd') : text;
}

const storable = (v: unknown): unknown => (typeof v === 'string' ? storableText(v) : v);

class StorableValues extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = storable(node.value);
    return value === node.value ? node : { ...node, value };
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map(storable) };
  }
}

/** Every string parameter of every query (inserts, updates, searches, lookups) made storable. */
export class StorableTextPlugin implements KyselyPlugin {
  readonly #transformer = new StorableValues();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
