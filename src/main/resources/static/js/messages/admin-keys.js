// Words of the administration's "Data encryption" tab (the data key and its rotation), in English and German.
import { pick } from '../i18n.js';

export const ADMIN_KEYS = {
  en: {
    tab: 'Data encryption',
    intro: 'Phone numbers, street addresses, exact home locations and sign-in secrets are stored encrypted with the data key.',
    keyId: 'Current key',
    keyIdHint: 'A short fingerprint of the key, never the key itself.',
    previous: 'Previous key',
    previousSet: 'Configured: values under it can still be read.',
    previousUnset: 'Not configured.',
    pending: 'Values under an older key',
    pendingNone: 'None: everything is encrypted with the current key.',
    pendingSome: (n) => (n === 1 ? '1 value still needs re-encrypting.' : `${n} values still need re-encrypting.`),
    columnsCaption: 'Encrypted data, by table',
    table: 'Table',
    column: 'Column',
    count: 'Under an older key',
    reencrypt: 'Re-encrypt now',
    confirmTitle: 'Re-encrypt all stored data?',
    confirmText: 'Every encrypted value is read and written again under the current key. This is safe to repeat and takes a moment; it is recorded in the audit trail.',
    cancel: 'Cancel',
    done: (r) => `Re-encrypted ${r.reencrypted} values; ${r.pending} left under an older key.`,
    failed: (n) => (n === 1 ? '1 value could not be read with any configured key. See the server log.'
      : `${n} values could not be read with any configured key. See the server log.`),
    loadFailed: 'The encryption status could not be loaded. Please try again.',
  },
  de: {
    tab: 'Datenverschlüsselung',
    intro: 'Telefonnummern, Straßenadressen, genaue Standorte von Häusern und Anmeldegeheimnisse werden mit dem Datenschlüssel verschlüsselt gespeichert.',
    keyId: 'Aktueller Schlüssel',
    keyIdHint: 'Ein kurzer Fingerabdruck des Schlüssels, nie der Schlüssel selbst.',
    previous: 'Vorheriger Schlüssel',
    previousSet: 'Eingerichtet: damit verschlüsselte Werte sind noch lesbar.',
    previousUnset: 'Nicht eingerichtet.',
    pending: 'Werte unter einem älteren Schlüssel',
    pendingNone: 'Keine: alles ist mit dem aktuellen Schlüssel verschlüsselt.',
    pendingSome: (n) => (n === 1 ? '1 Wert muss noch neu verschlüsselt werden.' : `${n} Werte müssen noch neu verschlüsselt werden.`),
    columnsCaption: 'Verschlüsselte Daten nach Tabelle',
    table: 'Tabelle',
    column: 'Spalte',
    count: 'Unter älterem Schlüssel',
    reencrypt: 'Jetzt neu verschlüsseln',
    confirmTitle: 'Alle gespeicherten Daten neu verschlüsseln?',
    confirmText: 'Jeder verschlüsselte Wert wird gelesen und mit dem aktuellen Schlüssel neu geschrieben. Das lässt sich gefahrlos wiederholen, dauert einen Moment und wird im Prüfprotokoll festgehalten.',
    cancel: 'Abbrechen',
    done: (r) => `${r.reencrypted} Werte neu verschlüsselt; ${r.pending} noch unter einem älteren Schlüssel.`,
    failed: (n) => (n === 1 ? '1 Wert ließ sich mit keinem eingerichteten Schlüssel lesen. Siehe Server-Protokoll.'
      : `${n} Werte ließen sich mit keinem eingerichteten Schlüssel lesen. Siehe Server-Protokoll.`),
    loadFailed: 'Der Verschlüsselungsstatus konnte nicht geladen werden. Bitte versuchen Sie es erneut.',
  },
};

export function adminKeysText() {
  return pick(ADMIN_KEYS);
}
