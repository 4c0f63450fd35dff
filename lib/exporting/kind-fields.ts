import { kindOf, type AnnotationDTO, type FieldSpec } from "@/lib/annotations/kinds";
import type { EntityRefDTO, EntityTypeDTO } from "@/lib/annotations/types";

/**
 * Kind-specific values of an annotation, read through the kind registry (lib/annotations/kinds.ts)
 * so that no writer branches on kind: a kind added to the registry (a quote, whose `speaker`
 * field references an entity) reaches every export without a change here.
 */

export interface KindFieldValue {
  /** The DTO field name (`color`, `entityType`, `entity`, `speaker`…). */
  name: string;
  spec: FieldSpec;
  /** A `values` field's string, or a `ref` field's looked-up row; null when unset. */
  value: unknown;
}

/** The kind fields of an annotation, in registry order, with their values. */
export function kindFields(annotation: AnnotationDTO): KindFieldValue[] {
  const values = annotation as unknown as Record<string, unknown>;
  return Object.entries(kindOf(annotation.kind).fields).map(([name, spec]) => ({ name, spec, value: values[name] ?? null }));
}

/** The value of the named kind field (null when the kind has no such field or it is unset). */
export function kindField(annotation: AnnotationDTO, name: string): unknown {
  return kindFields(annotation).find((field) => field.name === name)?.value ?? null;
}

/**
 * The entity type an annotation classifies its text as (the value of its kind's field that
 * references `entityTypes`), or null: that is what makes an annotation a named-entity span in
 * the CoNLL, doccano and spaCy exports.
 */
export function entityTypeOf(annotation: AnnotationDTO): EntityTypeDTO | null {
  const field = kindFields(annotation).find(({ spec }) => "ref" in spec && spec.ref === "entityTypes");
  return (field?.value as EntityTypeDTO | null | undefined) ?? null;
}

/** The entity a named field references (`entity`, `speaker`), or null. */
export function entityRef(annotation: AnnotationDTO, name: string): EntityRefDTO | null {
  const field = kindFields(annotation).find((candidate) => candidate.name === name && "ref" in candidate.spec && candidate.spec.ref === "entities");
  return (field?.value as EntityRefDTO | null | undefined) ?? null;
}
