// Starts the tact app. An external module, because the page's Content-Security-Policy
// allows no inline script.
import init from './tact_web.js';

const boot = document.getElementById('boot');
try {
  await init();
  boot?.remove();
} catch (err) {
  if (boot) {
    boot.textContent = 'tact could not start in this browser (it needs WebAssembly): ' + err;
    boot.classList.add('boot-error');
    boot.setAttribute('role', 'alert');
  }
  throw err;
}
