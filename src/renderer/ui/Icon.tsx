/** The few line icons the UI uses, drawn inline so they take the text colour and need no requests. */
const PATHS = {
  servers: 'M3 4h14v5H3zM3 11h14v5H3zM6 6.5h.01M6 13.5h.01',
  clients: 'M3 4h14v9H3zM7 16h6M10 13v3',
  settings: 'M10 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM10 2v2M10 16v2M2 10h2M16 10h2M4.3 4.3l1.4 1.4M14.3 14.3l1.4 1.4M4.3 15.7l1.4-1.4M14.3 5.7l1.4-1.4',
  play: 'M6 4l10 6-10 6z',
  stop: 'M5 5h10v10H5z',
  restart: 'M4 10a6 6 0 1 0 2-4.5M4 3v4h4',
  plus: 'M10 4v12M4 10h12',
  trash: 'M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10',
  copy: 'M7 7h9v9H7zM4 13V4h9',
  download: 'M10 3v10M6 9l4 4 4-4M4 16h12',
  pause: 'M6 4h3v12H6zM11 4h3v12h-3z',
  search: 'M9 4a5 5 0 1 0 0 10A5 5 0 0 0 9 4zM13 13l4 4',
  back: 'M12 4l-6 6 6 6',
  edit: 'M4 16l1-4 8-8 3 3-8 8zM12 5l3 3',
  alert: 'M10 3l8 14H2zM10 8v4M10 14.5h.01',
  check: 'M4 10l4 4 8-8',
  close: 'M5 5l10 10M15 5L5 15',
  arrowDown: 'M10 4v12M5 11l5 5 5-5',
  external: 'M11 3h6v6M17 3l-8 8M14 11v5H4V6h5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16, title }: { name: IconName; size?: number; title?: string }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title ? <title>{title}</title> : null}
      <path d={PATHS[name]} />
    </svg>
  );
}
