package com.sundispatch.security;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * JPA entity listener for {@link SealsPersonalData} entities ({@code @EntityListeners(PersonalDataListener.class)}).
 * Hibernate creates it through Spring's bean container, so it gets the cipher injected. Lifecycle callbacks rather
 * than an {@code AttributeConverter}: a converter never sees the row, and the row id is part of the context.
 */
public class PersonalDataListener {

    private final PersonalDataSeal personalData;

    public PersonalDataListener(PersonalDataSeal personalData) {
        this.personalData = personalData;
    }

    @PrePersist
    @PreUpdate
    void seal(Object entity) {
        if (entity instanceof SealsPersonalData sealed) {
            sealed.sealPersonalData(personalData);
        }
    }

    @PostLoad
    void open(Object entity) {
        if (entity instanceof SealsPersonalData sealed) {
            sealed.openPersonalData(personalData);
        }
    }
}
