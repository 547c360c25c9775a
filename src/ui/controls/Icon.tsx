/** Small transport icons, drawn inline so they take the button's text colour. */

const PATHS = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M6.5 4.5h4v15h-4zM13.5 4.5h4v15h-4z',
  forward: 'M5 4.5v15l9-7.5zM15.5 4.5h3v15h-3z',
  back: 'M19 4.5v15l-9-7.5zM8.5 4.5h-3v15h3z',
  start: 'M20 4.5v15l-8-7.5zM12 4.5v15l-8-7.5z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  // Decorative: the button around it carries the accessible name.
  return (
    <svg className="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
