/**
 * Runs `fn` once `ms` after the last call, with the last arguments. The pending call dies with `signal`,
 * so nothing fires after the content script is invalidated or the guide unmounted.
 */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
  signal: AbortSignal,
): { call: (...args: A) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  signal.addEventListener('abort', cancel, { once: true });
  return {
    call: (...args: A) => {
      if (signal.aborted) return;
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        fn(...args);
      }, ms);
    },
    cancel,
  };
}
