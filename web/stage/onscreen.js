// When the page is on screen: hidden while it boots (index.html), shown with its first frame,
// and a promise of that frame's paint, which work that can wait (the worker) waits for.

/** Shows the page (hidden while booting, so the empty shell never flashes). */
export function reveal() {
  document.documentElement.classList.remove('booting');
}

/** Resolves once the first frame is on screen: at the page's first contentful paint (the page
 *  is hidden until that frame is drawn), after two animation frames where the browser does not
 *  report paints, at once in a tab that is hidden (it paints nothing), and after 1 s anyway. */
export function afterPaint() {
  return new Promise((resolve) => {
    if (document.hidden) return resolve();
    document.addEventListener('visibilitychange', resolve, { once: true });
    setTimeout(resolve, 1000);
    if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)));
      return;
    }
    const painted = new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      painted.disconnect();
      resolve();
    });
    painted.observe({ type: 'paint', buffered: true });
  });
}
