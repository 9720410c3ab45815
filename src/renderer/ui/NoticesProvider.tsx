import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

interface Notice {
  id: number;
  kind: 'success' | 'error' | 'info';
  message: string;
}

type Notify = (notice: Omit<Notice, 'id'>) => void;

const NoticesContext = createContext<Notify | null>(null);

const VISIBLE_MS = { success: 4_000, info: 6_000, error: 10_000 } as const;

/**
 * Short-lived messages in a corner, for the outcome of an action whose button may no longer be
 * on screen (e.g. "Restarted weather"). Errors stay longer and are announced assertively.
 */
export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);

  const notify = useCallback<Notify>(
    (notice) => {
      const id = nextId.current++;
      setNotices((current) => [...current.slice(-3), { ...notice, id }]);
      setTimeout(() => dismiss(id), VISIBLE_MS[notice.kind]);
    },
    [dismiss],
  );

  return (
    <NoticesContext.Provider value={notify}>
      {children}
      <div className="notices" aria-live="polite" data-testid="notices">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <span>{notice.message}</span>
            <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticesContext.Provider>
  );
}

export function useNotify(): Notify {
  const notify = useContext(NoticesContext);
  if (!notify) throw new Error('useNotify() needs a <NoticesProvider> above it.');
  return notify;
}
