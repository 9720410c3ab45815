import { useCallback, useEffect, useRef, useState } from 'react';
import { pathKey, type ValuePath } from './schema-validation';

/**
 * The fields a person has left, whose problems may show. A field left by pressing the pointer on
 * something else (a button below it) counts only once the pointer is released and its click has
 * run: a message appearing between press and release would move the button away from the pointer,
 * and the click would be lost.
 */
export function useTouchedFields(): { touched: ReadonlySet<string>; markTouched: (path: ValuePath) => void } {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const pointerHeld = useRef(false);
  const waiting = useRef<string[]>([]);

  const add = useCallback((keys: readonly string[]) => {
    setTouched((current) => (keys.every((key) => current.has(key)) ? current : new Set([...current, ...keys])));
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const press = () => {
      pointerHeld.current = true;
    };
    const release = () => {
      pointerHeld.current = false;
      // The click this release completes is dispatched after it, in the same task.
      clearTimeout(timer);
      timer = setTimeout(() => add(waiting.current.splice(0)), 0);
    };
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, [add]);

  const markTouched = useCallback(
    (path: ValuePath) => {
      const key = pathKey(path);
      if (pointerHeld.current) waiting.current.push(key);
      else add([key]);
    },
    [add],
  );

  return { touched, markTouched };
}
