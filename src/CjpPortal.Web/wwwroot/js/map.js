// The map of partnerships (/map). Browsers differ in whether they scroll an SVG link into view when it receives
// focus; keep the focused area, and the name drawn beside it, on screen (WCAG 2.2 2.4.11). Without this script the
// map still works: the browser's own scrolling applies and the same links are listed below the map.
for (const map of document.querySelectorAll('.cjp-map__svg')) {
    map.addEventListener('focusin', (event) => {
        const link = event.target instanceof Element ? event.target.closest('a') : null;
        link?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
}
