import { InputValidator, type Range, ValidationFailed } from '@coop/domain';
import { ValidationPipe } from '@nestjs/common';
import { Args } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { type ValidationError, ValidateBy } from 'class-validator';

/**
 * Runs one of the domain's own input checks and returns its messages, so the
 * edge and the deciders enforce the same rule from the same code: the edge
 * answers early with every problem at once, the decider guards every other
 * path into the log.
 */
function domainProblems(check: (validator: InputValidator) => void): string[] {
  const validator = new InputValidator();
  try {
    check(validator);
    validator.throwIfInvalid();
    return [];
  } catch (error) {
    if (error instanceof ValidationFailed) {
      return Object.entries(error.fields).flatMap(([field, messages]) =>
        messages.map((message) => (field === 'value' ? message : `${field} ${message}`)),
      );
    }
    throw error;
  }
}

/** A class-validator constraint backed by a domain check. */
export function DomainChecked(
  name: string,
  check: (validator: InputValidator, value: unknown) => void,
): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => domainProblems((validator) => check(validator, value)).length === 0,
      defaultMessage: (args) => domainProblems((validator) => check(validator, args?.value)).join('; '),
    },
  });
}

/**
 * How the edge takes free text, the one place it is trimmed: surrounding
 * whitespace goes, and where the text is optional a blank one means none.
 */
function trimmed(value: unknown, blankIsNone: boolean): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  return blankIsNone && text === '' ? null : text;
}

/** Free text trimmed like every text input, for a field that a check on its enclosing field validates. */
export const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => trimmed(value, false));

/** Free text within the input limits; trimmed before it is checked. */
export function Text(limits: Range): PropertyDecorator {
  return (target, property) => {
    Trimmed()(target, property);
    DomainChecked('text', (validator, value) => {
      if (typeof value === 'string') validator.text('value', value, limits);
      else validator.reject('value', 'must be a string');
    })(target, property);
  };
}

/** Optional free text: absent, null, or blank after trimming all mean "none". */
export function OptionalText(limits: Range): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) => trimmed(value, true))(target, property);
    DomainChecked('text', (validator, value) => {
      if (value !== null && value !== undefined) validator.text('value', String(value), limits);
    })(target, property);
  };
}

/** A list of free texts, each trimmed, then checked with the list's limits. */
export function TextList(limits: Range, count: Range): PropertyDecorator {
  return (target, property) => {
    Transform(({ value }: { value: unknown }) =>
      Array.isArray(value) ? value.map((entry) => trimmed(entry, false)) : value,
    )(target, property);
    DomainChecked('texts', (validator, value) => validator.texts('value', value as string[], limits, count))(
      target,
      property,
    );
  };
}

function fieldsOf(errors: readonly ValidationError[], prefix = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) fields[path] = Object.values(error.constraints);
    Object.assign(fields, fieldsOf(error.children ?? [], path));
  }
  return fields;
}

/** Validates and trims GraphQL input objects; failures become the domain's `ValidationFailed` (BAD_USER_INPUT with fields). */
export function createInputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(fieldsOf(errors)),
  });
}

/** 1–5 distinct known topics (the domain's rule). */
export const TopicList = () =>
  DomainChecked('topics', (validator, value) => validator.topics('value', value as string[]));

/**
 * A free-text argument outside an input object (a reason, a note, a body),
 * which the validation pipe does not see: trimmed like input fields, blank
 * meaning none when it is optional. The decider checks its limits.
 */
export function TextArg(name: string, options: { readonly nullable?: boolean } = {}): ParameterDecorator {
  const nullable = options.nullable ?? false;
  return Args(name, { type: () => String, nullable }, { transform: (value: unknown) => trimmed(value, nullable) });
}
