import { registerEnumType } from '@nestjs/graphql';

/**
 * Registers one of the domain's value lists as a GraphQL enum and returns it
 * in the object form type-graphql decorators take, so the domain's list stays
 * the only spelling of its values.
 */
export function registerDomainEnum<T extends string>(
  name: string,
  values: readonly T[],
  description?: string,
  valueDescriptions: Partial<Record<T, string>> = {},
): Record<T, T> {
  const enumObject = Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
  registerEnumType(enumObject, {
    name,
    ...(description ? { description } : {}),
    valuesMap: Object.fromEntries(
      Object.entries(valueDescriptions).map(([value, text]) => [value, { description: text as string }]),
    ) as Partial<Record<T, { description: string }>>,
  });
  return enumObject;
}
