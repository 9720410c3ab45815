import { Icon } from '../ui/Icon';

/** The action of an empty list: servers can add tools, resources or prompts while they run. */
export function CheckAgainButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="btn" onClick={onClick}>
      <Icon name="restart" size={14} />
      Check again
    </button>
  );
}
