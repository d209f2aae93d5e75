import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
} from 'graphql';

export interface QueryLimits {
  /** Deepest field nesting an operation may reach. */
  readonly maxDepth: number;
  /** Aliased fields in one document: aliases multiply work without adding depth or cost. */
  readonly maxAliases: number;
  /** Estimated number of objects resolved (lists counted at their page size). */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20_000 };

/** Page size assumed for a list whose `first` is a variable: the API's cap. */
const MAX_PAGE = 100;
/** Size assumed for a list field without paging (answers, partners, history, …). */
const UNPAGED_LIST = 10;

function limitError(limit: string, max: number, actual: number, node: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(`Query exceeds the ${limit} limit: ${actual} > ${max}`, {
    nodes: [node],
    extensions: { code: 'BAD_USER_INPUT', limit, max, actual },
  });
}

/** Walks an operation's selections through fragments, guarding against fragment cycles (reported by graphql-js itself). */
function measure(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLOutputType | undefined,
  visiting: Set<string>,
): { depth: number; cost: number } {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = fieldDefinition(parentType, selection);
      const child = selection.selectionSet
        ? measure(context, selection.selectionSet, field?.type, visiting)
        : { depth: 0, cost: 0 };
      depth = Math.max(depth, 1 + child.depth);
      cost += (1 + child.cost) * multiplier(selection, field, parentType);
      continue;
    }
    let fragmentSelections: SelectionSetNode;
    let typeCondition: string | undefined;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      fragmentSelections = selection.selectionSet;
      typeCondition = selection.typeCondition?.name.value;
    } else {
      const name = selection.name.value;
      const fragment: FragmentDefinitionNode | null | undefined = context.getFragment(name);
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      fragmentSelections = fragment.selectionSet;
      typeCondition = fragment.typeCondition.name.value;
    }
    const fragmentType = typeCondition ? context.getSchema().getType(typeCondition) : undefined;
    const inner = measure(
      context,
      fragmentSelections,
      (fragmentType as GraphQLOutputType | undefined) ?? parentType,
      visiting,
    );
    if (selection.kind === Kind.FRAGMENT_SPREAD) visiting.delete(selection.name.value);
    depth = Math.max(depth, inner.depth);
    cost += inner.cost;
  }
  return { depth, cost };
}

function fieldDefinition(
  parentType: GraphQLOutputType | undefined,
  node: FieldNode,
): GraphQLField<unknown, unknown> | undefined {
  const named = parentType ? getNamedType(parentType) : undefined;
  if (!named || !(isObjectType(named) || isInterfaceType(named))) return undefined;
  return named.getFields()[node.name.value];
}

/** A list of objects costs as many times its selection as it may hold; a list of scalars is one value. */
function multiplier(
  node: FieldNode,
  field: GraphQLField<unknown, unknown> | undefined,
  parentType: GraphQLOutputType | undefined,
): number {
  if (!node.selectionSet) return 1;
  // A connection's edges are the page its `first` already counted.
  if (node.name.value === 'edges' && parentType && getNamedType(parentType).name.endsWith('Connection')) return 1;
  const first = node.arguments?.find((argument) => argument.name.value === 'first');
  if (first) return first.value.kind === Kind.INT ? Math.min(Number(first.value.value), MAX_PAGE) : MAX_PAGE;
  const pageArgument = field?.args.find((argument) => argument.name === 'first');
  if (typeof pageArgument?.defaultValue === 'number') return pageArgument.defaultValue;
  return field && isListType(getNullableType(field.type)) ? UNPAGED_LIST : 1;
}

/** Depth, alias and cost limits as graphql-js validation rules, so every transport runs the same ones. */
export function queryLimitRules(limits: QueryLimits = DEFAULT_QUERY_LIMITS): ValidationRule[] {
  const aliasLimit: ValidationRule = (context): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (!node.alias) return;
        aliases += 1;
        if (aliases > limits.maxAliases && !reported) {
          reported = true;
          context.reportError(
            new GraphQLError(`Query exceeds the aliases limit: more than ${limits.maxAliases}`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT', limit: 'aliases', max: limits.maxAliases },
            }),
          );
        }
      },
    };
  };
  const depthAndCost: ValidationRule = (context): ASTVisitor => ({
    OperationDefinition(node) {
      const root =
        node.operation === 'query'
          ? context.getSchema().getQueryType()
          : node.operation === 'mutation'
            ? context.getSchema().getMutationType()
            : context.getSchema().getSubscriptionType();
      const { depth, cost } = measure(context, node.selectionSet, root ?? undefined, new Set());
      if (depth > limits.maxDepth) context.reportError(limitError('depth', limits.maxDepth, depth, node));
      if (cost > limits.maxCost) context.reportError(limitError('cost', limits.maxCost, cost, node));
    },
  });
  return [aliasLimit, depthAndCost];
}
