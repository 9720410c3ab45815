import { useEffect, useState } from 'react';
import { Icon } from '../../ui/Icon';

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** Copies a text and says so for a moment (also to screen readers). */
export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <button
      type="button"
      className="btn btn-ghost btn-small pg-copy"
      data-testid={testId}
      onClick={() => copyText(text).then(() => setStatus('copied'), () => setStatus('failed'))}
    >
      <Icon name={status === 'copied' ? 'check' : 'copy'} size={13} />
      <span aria-live="polite">{status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : label}</span>
    </button>
  );
}
