// An address block (issue 15): street and number, postal code, city and country, with place suggestions while
// typing in the postal code or city (an ARIA 1.2 combobox with a listbox), "Use my location", and the server's
// address_not_found suggestions as choices. People never type coordinates.
import { h } from './dom.js';
import { publicGet } from './api.js';
import { placesText, errorText } from './texts.js';

const COUNTRIES = ['DE', 'AT', 'CH'];
const DEBOUNCE_MS = 250;
let counter = 0;

/** GET /api/v1/places/search: suggestions, best first. */
export function searchPlaces(q, country, limit = 6) {
  const params = new URLSearchParams({ q, limit: String(limit) });
  if (country) params.set('country', country);
  return publicGet(`/api/v1/places/search?${params}`);
}

/**
 * A combobox input with its own listbox. {@code query()} gives the search text (null: too short to ask);
 * {@code onChoose(place)} fills the block.
 */
function combobox({ name, label, autocomplete, max, inputmode, query, country, onChoose, announce }) {
  const id = `addr-${++counter}-${name}`;
  const listId = `${id}-list`;
  const t = placesText();
  const input = h('input', { id, name, type: 'text', autocomplete, maxlength: max, inputmode, role: 'combobox',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-describedby': `${id}-error` });
  const listbox = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': t.suggestionsLabel(label), hidden: true });
  const error = h('span', { class: 'field-error', id: `${id}-error`, dataset: { field: name } });
  let places = [];
  let active = -1;
  let timer = null;
  let asked = 0;

  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    [...listbox.children].forEach((li, i) => li.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${index}`);
      listbox.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };
  const choose = (index) => {
    const place = places[index];
    if (!place) return;
    close();
    onChoose(place);
  };
  const show = (found) => {
    places = found;
    listbox.replaceChildren(...found.map((p, i) => h('li', {
      id: `${listId}-${i}`, role: 'option', 'aria-selected': 'false', class: 'suggestion', dataset: { postalCode: p.postalCode, city: p.city, country: p.country },
      // mousedown, not click: the input keeps the focus, so the list is not closed by the blur first.
      onmousedown: (e) => { e.preventDefault(); choose(i); },
    }, p.label)));
    announce(t.suggestionCount(found.length));
    if (found.length === 0 || document.activeElement !== input) {
      close();
      return;
    }
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  };
  const ask = async () => {
    const q = query();
    if (!q) {
      close();
      return;
    }
    const mine = ++asked;
    try {
      const found = await searchPlaces(q, country());
      if (mine === asked) show(Array.isArray(found) ? found : []);
    } catch (e) {
      // Suggestions are a help: when they fail the person can still type the address; only a throttle is said.
      if (mine === asked) {
        close();
        if (e.code === 'rate_limited') announce(errorText('rate_limited'));
      }
    }
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    const open = !listbox.hidden && places.length > 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) {
        if (places.length > 0 && query()) {
          listbox.hidden = false;
          input.setAttribute('aria-expanded', 'true');
          highlight(0);
        } else {
          ask();
        }
        return;
      }
      highlight((active + 1) % places.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      highlight(active <= 0 ? places.length - 1 : active - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      // Enter takes the highlighted suggestion instead of sending the form.
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => close());
  const wrapper = h('div', { class: 'combobox' }, h('label', { for: id }, label), input, listbox, error);
  return { input, error, wrapper, close, cancel: () => { clearTimeout(timer); asked += 1; close(); } };
}

/**
 * The address block. Options: {@code street} (show street and number), {@code cityOptional},
 * {@code locate} (the "Use my location" button), {@code value} ({addressLine, postalCode, city, country}),
 * {@code onChange()} after a suggestion or location filled the fields.
 * Returns { element, inputs, values(), fill(place), showProblem(error) -> true when it explained the error }.
 */
export function addressBlock({ street = true, cityOptional = false, locate = false, value = {}, onChange = () => {}, legend } = {}) {
  const t = placesText();
  const live = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const announce = (text) => { live.textContent = text; };
  const countryId = `addr-${++counter}-country`;
  const countrySelect = h('select', { id: countryId, name: 'country', autocomplete: 'country' },
    ...COUNTRIES.map((c) => h('option', { value: c }, t.countries[c])));
  countrySelect.value = COUNTRIES.includes(value.country) ? value.country : 'DE';
  const streetInput = street ? h('input', { id: `addr-${counter}-street`, name: 'addressLine', type: 'text', autocomplete: 'street-address', maxlength: 200,
    'aria-describedby': `addr-${counter}-street-error` }) : null;
  const streetError = h('span', { class: 'field-error', id: `addr-${counter}-street-error`, dataset: { field: 'addressLine' } });
  const chosen = h('p', { class: 'muted place-used', 'aria-live': 'polite' });
  const problem = h('div', { class: 'address-problem', role: 'alert', id: `${countryId}-problem` });
  countrySelect.setAttribute('aria-describedby', problem.id);
  const locateStatus = h('p', { class: 'locate-status', 'aria-live': 'polite' });

  const fill = (place) => {
    postal.input.value = place.postalCode || '';
    city.input.value = place.city || '';
    if (COUNTRIES.includes(place.country)) countrySelect.value = place.country;
    problem.replaceChildren();
    chosen.textContent = t.placeUsed(place.label);
    onChange(place);
  };
  const postal = combobox({ name: 'postalCode', label: t.postalCode, autocomplete: 'postal-code', max: 12, inputmode: 'text',
    query: () => { const v = postal.input.value.trim(); return v.length >= 2 ? v : null; },
    country: () => countrySelect.value, onChoose: fill, announce });
  const city = combobox({ name: 'city', label: cityOptional ? t.cityOptional : t.city, autocomplete: 'address-level2', max: 100,
    query: () => { const v = city.input.value.trim(); return v.length >= 2 ? v : null; },
    country: () => countrySelect.value, onChoose: fill, announce });
  if (streetInput) streetInput.value = value.addressLine || '';
  postal.input.value = value.postalCode || '';
  city.input.value = value.city || '';
  const typed = () => { chosen.textContent = ''; };
  postal.input.addEventListener('input', typed);
  city.input.addEventListener('input', typed);
  countrySelect.addEventListener('change', () => { typed(); onChange(null); });

  const locateButton = locate ? h('button', { type: 'button', class: 'secondary use-location', onclick: async () => {
    locateStatus.className = 'locate-status';
    if (!('geolocation' in navigator)) {
      locateStatus.textContent = t.locationUnsupported;
      return;
    }
    locateStatus.textContent = t.locating;
    locateButton.disabled = true;
    try {
      const position = await new Promise((resolve, reject) => navigator.geolocation.getCurrentPosition(resolve, reject,
        { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }));
      // A postal area is all that is needed: the point is rounded (about 100 m) before it leaves the browser.
      const lat = position.coords.latitude.toFixed(3);
      const lon = position.coords.longitude.toFixed(3);
      const place = await publicGet(`/api/v1/places/reverse?lat=${lat}&lon=${lon}`);
      postal.cancel();
      city.cancel();
      fill(place);
      locateStatus.textContent = t.locationFilled(place.label);
    } catch (e) {
      locateStatus.className = 'locate-status error';
      // The browser's GeolocationPositionError has a numeric code (1 denied, 2 unavailable, 3 timeout); ours are words.
      if (e && e.code === 1) locateStatus.textContent = t.locationDenied;
      else if (e && (e.code === 2 || e.code === 3)) locateStatus.textContent = t.locationUnavailable;
      else if (e && e.code === 'place_not_found') locateStatus.textContent = errorText('place_not_found');
      else if (e && e.code === 'rate_limited') locateStatus.textContent = errorText('rate_limited');
      else locateStatus.textContent = t.locationFailed;
    } finally {
      locateButton.disabled = false;
    }
  } }, t.useLocation) : null;

  const element = h('fieldset', { class: 'address' }, legend ? h('legend', {}, legend) : null,
    streetInput ? h('div', { class: 'address-street' }, h('label', { for: streetInput.id }, t.street), streetInput, streetError) : null,
    h('div', { class: 'address-row' }, postal.wrapper, city.wrapper,
      h('div', { class: 'address-country' }, h('label', { for: countryId }, t.country), countrySelect)),
    locateButton ? h('div', { class: 'locate' }, locateButton, locateStatus) : null,
    chosen, problem, live);

  return {
    element,
    inputs: { addressLine: streetInput, postalCode: postal.input, city: city.input, country: countrySelect },
    values() {
      return {
        addressLine: streetInput ? streetInput.value.trim() : undefined,
        postalCode: postal.input.value.trim(),
        city: city.input.value.trim(),
        country: countrySelect.value,
      };
    },
    fill,
    showUsed(place) { if (place && place.label) chosen.textContent = t.placeUsed(place.label); },
    clearProblem() {
      problem.replaceChildren();
      [postal.error, city.error, streetError].forEach((e) => { e.textContent = ''; });
      [postal.input, city.input, streetInput, countrySelect].forEach((i) => i && i.removeAttribute('aria-invalid'));
    },
    /** Explains an address problem next to the fields; false when the error is not about the address. */
    showProblem(e) {
      if (!e) return false;
      if (e.code === 'address_not_found') {
        const suggestions = (e.problem && Array.isArray(e.problem.suggestions)) ? e.problem.suggestions : [];
        postal.input.setAttribute('aria-invalid', 'true');
        if (suggestions.length === 0) {
          problem.replaceChildren(h('p', { class: 'error' }, errorText('address_not_found')));
        } else {
          problem.replaceChildren(h('p', { class: 'error' }, t.notFoundChoose),
            h('ul', { class: 'problem-suggestions' }, ...suggestions.map((p) => h('li', {},
              h('button', { type: 'button', class: 'secondary choose-suggestion', onclick: () => { fill(p); postal.input.focus(); } }, p.label)))));
        }
        return true;
      }
      if (e.code === 'country_not_served') {
        countrySelect.setAttribute('aria-invalid', 'true');
        problem.replaceChildren(h('p', { class: 'error' }, errorText('country_not_served')));
        countrySelect.focus();
        return true;
      }
      let shown = false;
      for (const fe of (e.problem && e.problem.errors) || []) {
        const key = String(fe.field || '').split('.').pop();
        const target = { postalCode: postal.error, city: city.error, addressLine: streetError }[key];
        if (target) {
          // The field's own sentence, never the server's validation message.
          target.textContent = { postalCode: t.postalCodeInvalid, city: t.cityInvalid, addressLine: t.streetInvalid }[key];
          const input = { postalCode: postal.input, city: city.input, addressLine: streetInput }[key];
          if (input) input.setAttribute('aria-invalid', 'true');
          shown = true;
        }
      }
      return shown;
    },
  };
}
