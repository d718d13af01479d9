package com.sundispatch.shared;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose id the application assigns (a token's hash, a UUID, the job or provider event it belongs to):
 * saving a new instance always INSERTs it; once stored or loaded it is not new. Spring Data would otherwise treat a
 * non-null id as an existing row and merge, which SELECTs first (one query more on every login and refresh) and, when
 * a concurrent request has just committed the same key, silently UPDATEs that row instead of failing on the key
 * (a second review of one job, a provider event handled twice).
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<String> {

    @Transient
    private boolean fresh = true;

    @Override
    public boolean isNew() {
        return fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }
}
