import { useNow } from '../hooks/use-now';

/** The time left before the request times out, as m:ss. */
export function Countdown({ expiresAt }: { expiresAt: string }) {
  const now = useNow(1_000);
  const left = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return (
    <span className="sr-countdown" data-testid="server-request-countdown" title={`Unanswered, it times out at ${new Date(expiresAt).toLocaleTimeString()}`}>
      Times out in {text}
    </span>
  );
}
