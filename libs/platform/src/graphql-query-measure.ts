import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** How big an operation is, measured on its AST before it runs. */
export interface QueryMeasure {
  /** Deepest field nesting; a root field is depth 1. */
  depth: number;
  /** Fields written with an alias, fragments counted at each spread. */
  aliases: number;
  /** Each field costs 1 plus its selection, times its `limit` argument when it has one. */
  cost: number;
}

const EMPTY: QueryMeasure = { depth: 0, aliases: 0, cost: 0 };

/**
 * Measures one operation. `variables` are the coerced variable values: a `limit` given as a
 * variable or left to its schema default counts with the value the resolver will see. Fragments
 * are measured once each, so a document that spreads fragments exponentially costs linear time.
 * Expects a validated document (known fields, no fragment cycles).
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Readonly<Record<string, unknown>>,
): QueryMeasure {
  const fragmentMeasures = new Map<string, QueryMeasure>();

  const measureSelections = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType,
  ): QueryMeasure => {
    let total = EMPTY;
    for (const selection of selectionSet.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          total = sum(total, measureField(selection, parent));
          break;
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition
            ? schema.getType(selection.typeCondition.name.value)
            : parent;
          const type = isCompositeType(condition) ? condition : parent;
          total = sum(total, measureSelections(selection.selectionSet, type));
          break;
        }
        case Kind.FRAGMENT_SPREAD:
          total = sum(total, measureFragment(selection.name.value));
          break;
      }
    }
    return total;
  };

  const measureFragment = (name: string): QueryMeasure => {
    const known = fragmentMeasures.get(name);
    if (known) {
      return known;
    }
    const fragment = fragments[name];
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const measure =
      fragment && isCompositeType(type) ? measureSelections(fragment.selectionSet, type) : EMPTY;
    fragmentMeasures.set(name, measure);
    return measure;
  };

  const measureField = (node: FieldNode, parent: GraphQLCompositeType): QueryMeasure => {
    const definition = fieldDefinition(schema, parent, node.name.value);
    const type = definition && getNamedType(definition.type);
    const children =
      node.selectionSet && isCompositeType(type)
        ? measureSelections(node.selectionSet, type)
        : EMPTY;
    const multiplier = definition ? limitOf(definition, node, variables) : 1;
    return {
      depth: children.depth + 1,
      aliases: children.aliases + (node.alias ? 1 : 0),
      cost: multiplier * (1 + children.cost),
    };
  };

  const root = schema.getRootType(operation.operation);
  return root ? measureSelections(operation.selectionSet, root) : EMPTY;
}

function sum(a: QueryMeasure, b: QueryMeasure): QueryMeasure {
  return {
    depth: Math.max(a.depth, b.depth),
    aliases: a.aliases + b.aliases,
    cost: a.cost + b.cost,
  };
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) {
    return SchemaMetaFieldDef;
  }
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) {
    return TypeMetaFieldDef;
  }
  if (name === TypeNameMetaFieldDef.name) {
    return TypeNameMetaFieldDef;
  }
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/** The field's `limit` argument as the resolver will see it; 1 when it has none. */
function limitOf(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Readonly<Record<string, unknown>>,
): number {
  if (!definition.args.some((arg) => arg.name === 'limit')) {
    return 1;
  }
  let limit: unknown;
  try {
    ({ limit } = getArgumentValues(definition, node, variables));
  } catch {
    return 1; // an invalid argument fails execution before any resolver runs
  }
  return typeof limit === 'number' && Number.isFinite(limit) ? Math.max(1, limit) : 1;
}
