// Every status the server can send for a job, an application, a dispute's outcome or a webhook delivery has a
// label for people in English and German, read from the server's own enums, so a new status cannot reach the
// screen as a code such as DISPATCHING (Node's built-in test runner).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { INSTALL, PLACES } from '../../main/resources/static/js/texts.js';
import { INSTALLER } from '../../main/resources/static/js/messages/installer.js';

const JAVA = new URL('../../main/java/com/sundispatch/dispatch/', import.meta.url);

/** The constants of the first enum named {@code name} in a Java source file. */
function enumValues(file, name) {
  const source = readFileSync(new URL(file, JAVA), 'utf8');
  const body = source.match(new RegExp(`enum ${name}\\s*\\{([^;}]*)`))[1];
  return body.split(',').map((v) => v.trim()).filter((v) => /^[A-Z_]+$/.test(v));
}

function labelled(map, values, what) {
  for (const language of ['en', 'de']) {
    for (const value of values) {
      const label = map[language](value);
      assert.ok(typeof label === 'string' && label.trim().length > 0, `${what} ${value} has no ${language} label`);
      assert.notEqual(label, value, `${what} ${value} is shown as its code in ${language}`);
      assert.doesNotMatch(label, /\b[A-Z]{2,}_[A-Z_]+\b/, `${what} ${value} shows a code in ${language}: ${label}`);
    }
  }
}

test('every job status has a label for the installer and for the customer', () => {
  const statuses = enumValues('JobStatus.java', 'JobStatus');
  assert.ok(statuses.includes('DISPATCHING') && statuses.length >= 9, statuses.join());
  labelled({ en: (s) => INSTALL.en.jobStatus[s], de: (s) => INSTALL.de.jobStatus[s] }, statuses, 'job status');
  labelled({ en: (s) => INSTALL.en.customerStatus[s], de: (s) => INSTALL.de.customerStatus[s] }, statuses, 'customer status');
});

test('the admin map line names a job status in words', () => {
  const statuses = enumValues('JobStatus.java', 'JobStatus');
  const job = (status) => ({ panelCount: 3, postalCode: '10117', city: 'Berlin', status });
  labelled({ en: (s) => PLACES.en.jobLine(job(s)), de: (s) => PLACES.de.jobLine(job(s)) }, statuses, 'map job line');
  assert.equal(PLACES.en.jobLine(job('DISPATCHING')), '3 panels · 10117 Berlin · Looking for an installer');
  assert.equal(PLACES.de.jobLine({ ...job('DISPATCHING'), panelCount: 1 }), '1 Modul · 10117 Berlin · Installateur wird gesucht');
});

test('every application status has a label on the application page and on the admin map', () => {
  const statuses = enumValues('internal/InstallerApplication.java', 'Status');
  assert.deepEqual(statuses, ['PENDING', 'APPROVED', 'REJECTED']);
  const all = [...statuses, 'REVOKED'];
  labelled({ en: (s) => INSTALLER.en.applicationStatus[s], de: (s) => INSTALLER.de.applicationStatus[s] }, all, 'application status');
  labelled({ en: (s) => PLACES.en.installerStatus[s], de: (s) => PLACES.de.installerStatus[s] }, all, 'installer status');
  assert.equal(PLACES.en.installerLine({ companyName: 'Sun', serviceRadiusKm: 30, status: 'SOMETHING_NEW' }), 'Sun · 30 km · being reviewed');
});

test('every dispute outcome and webhook delivery outcome has a label', () => {
  const outcomes = enumValues('DisputeResolved.java', 'Outcome');
  labelled({ en: (s) => INSTALL.en.outcomes[s], de: (s) => INSTALL.de.outcomes[s] }, outcomes, 'dispute outcome');
  // The outcomes are WebhookDelivery's constants (the delivery code and the API document both use them).
  const source = readFileSync(new URL('internal/WebhookDelivery.java', JAVA), 'utf8');
  const deliveries = [...source.matchAll(/static final String [A-Z_]+ = "([A-Z_]+)";/g)].map((m) => m[1]);
  assert.ok(deliveries.includes('GAVE_UP'), deliveries.join());
  labelled({ en: (s) => INSTALLER.en.outcomes[s], de: (s) => INSTALLER.de.outcomes[s] }, deliveries, 'delivery outcome');
});
