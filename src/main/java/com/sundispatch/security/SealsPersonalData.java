package com.sundispatch.security;

/**
 * An entity with personal data sealed at rest. It keeps the plaintext in transient fields and the sealed values in
 * its mapped columns; {@link PersonalDataListener} calls these around every insert, update and load.
 */
public interface SealsPersonalData {

    /** Before insert and update: the mapped columns take the sealed values of the transient plaintext. */
    void sealPersonalData(PersonalDataSeal personalData);

    /** After load: the transient plaintext is opened from the mapped columns. */
    void openPersonalData(PersonalDataSeal personalData);
}
