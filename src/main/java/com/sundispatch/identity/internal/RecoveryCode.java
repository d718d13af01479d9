package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One MFA recovery code, stored as the SHA-256 of its normalised value; usable once. */
@Entity
@Table(name = "recovery_codes")
class RecoveryCode {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(String id, String userId, String codeHash) {
        this.id = id;
        this.userId = userId;
        this.codeHash = codeHash;
    }
}
