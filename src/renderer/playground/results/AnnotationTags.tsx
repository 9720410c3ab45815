import { annotationFacts, type ContentAnnotations } from './content-annotations';

/** A content block's annotations (audience, priority, lastModified) as tags above it; nothing when it has none. */
export function AnnotationTags({ annotations }: { annotations: ContentAnnotations | undefined }) {
  const facts = annotationFacts(annotations);
  if (facts.length === 0) return null;
  return (
    <ul className="pg-badges pg-annotations" aria-label="Annotations" data-testid="content-annotations">
      {facts.map((fact) => (
        <li key={fact.name} className="pg-block-tag" data-annotation={fact.name} title={`${fact.name}: ${fact.raw}`}>
          {fact.text}
        </li>
      ))}
    </ul>
  );
}
