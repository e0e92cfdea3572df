// Starts the Scottish Government Design System's scripts. Loaded as a module (modules are deferred), from this origin
// only: the content security policy allows no inline script. Every page works without it; the scripts only enhance
// (mobile menu button, skip-link focus, accordions and tables on small screens).
import DS from '../lib/design-system/scripts/design-system.js';

document.documentElement.classList.add('js-enabled');
DS.initAll();
