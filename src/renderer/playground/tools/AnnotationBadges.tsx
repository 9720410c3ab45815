import type { ToolAnnotations } from '../mcp-types';
import { annotationBadges } from './tool-annotations';

/** read-only, destructive, idempotent, open-world: what the server says the tool does. */
export function AnnotationBadges({ annotations }: { annotations: ToolAnnotations | undefined }) {
  const badges = annotationBadges(annotations);
  if (badges.length === 0) return null;
  return (
    <ul className="pg-badges" aria-label="Annotations">
      {badges.map((badge) => (
        <li
          key={badge.kind}
          className={`pg-badge pg-badge-${badge.kind}${badge.assumed ? ' pg-badge-assumed' : ''}`}
          title={badge.explanation}
          data-testid={`badge-${badge.kind}`}
        >
          {badge.label}
          {badge.assumed ? '?' : ''}
          <span className="visually-hidden">: {badge.explanation}</span>
        </li>
      ))}
    </ul>
  );
}
