/**
 * StarButton: a toggle button for starring an article. Its name stays "Star" and `aria-pressed`
 * says whether it is on, as a toggle button's should.
 */
export function StarButton({
  starred,
  label,
  onToggle,
  describedBy,
}: {
  starred: boolean;
  label: string;
  onToggle: () => void;
  /** The id of the title, so the button is announced with the article it stars. */
  describedBy?: string;
}) {
  return (
    <button
      type="button"
      className="star-button"
      aria-pressed={starred}
      aria-describedby={describedBy}
      onClick={onToggle}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
      <span className="star-button__label">{label}</span>
    </button>
  );
}
