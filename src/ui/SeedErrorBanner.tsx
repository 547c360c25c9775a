/** Why the seed the user typed (or the link carried) was not used. */
export function SeedErrorBanner({
  id,
  message,
  onDismiss,
}: {
  id: string;
  message: string | null;
  onDismiss: () => void;
}) {
  if (message === null) return null;
  return (
    <div className="notice notice--error" role="alert">
      <p id={id} className="notice__text">
        {message}
      </p>
      <button type="button" className="button button--small" onClick={onDismiss}>
        Dismiss seed error
      </button>
    </div>
  );
}
