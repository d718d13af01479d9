package com.sundispatch.identity.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import com.sundispatch.identity.Role;
import org.springframework.data.domain.Persistable;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.PersonalDataListener;
import com.sundispatch.security.SealsPersonalData;

@Entity
@Table(name = "users")
@EntityListeners(PersonalDataListener.class)
class UserAccount implements SealsPersonalData, Persistable<String> {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "full_name", nullable = false, length = 100)
    private String fullName;

    /** Sealed at rest, bound to table, column and row (PersonalDataSeal); {@link #phone} holds the plaintext. */
    @Column(name = "phone", length = 512)
    private String phoneSealed;

    @Transient
    private String phone;

    /**
     * New until stored or loaded: the id is assigned here (and the version is primitive), so without this Spring
     * Data would merge a new row, and a merge copies no transient field (the plaintext would be lost unsealed).
     */
    @Transient
    private boolean isNew = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    @Column(name = "mfa_enabled", nullable = false)
    private boolean mfaEnabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "totp_secret", length = 255)
    private String totpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "banned_until")
    private Instant bannedUntil;

    @Column(name = "ban_reason", length = 200)
    private String banReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "role_before_admin", length = 16)
    private Role roleBeforeAdmin;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "lock_reason", length = 200)
    private String lockReason;

    /** The language of the account's mails and notices: "en" or "de" ({@link Languages}). */
    @Column(nullable = false, length = 2)
    private String language = Languages.DEFAULT;

    /** When the person's data was erased (docs/privacy.md); the row stays so the id is never issued again. */
    @Column(name = "erased_at")
    private Instant erasedAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String id, String email, String passwordHash, String fullName, Role role, boolean emailVerified,
            String language, Instant now) {
        this.id = id;
        this.language = Languages.require(language);
        this.email = email;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.role = role;
        this.emailVerified = emailVerified;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    String fullName() {
        return fullName;
    }

    String phone() {
        return phone;
    }

    Role role() {
        return role;
    }

    String language() {
        return language;
    }

    boolean emailVerified() {
        return emailVerified;
    }

    boolean mfaEnabled() {
        return mfaEnabled;
    }

    Instant createdAt() {
        return createdAt;
    }

    String totpSecret() {
        return totpSecret;
    }

    Long totpLastStep() {
        return totpLastStep;
    }

    boolean isBanned(Instant now) {
        return bannedUntil != null && now.isBefore(bannedUntil);
    }

    Instant bannedUntil() {
        return bannedUntil;
    }

    /** Locked for a while after repeated suspicious activity (not a ban: it ends by itself). */
    boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    void lock(Instant until, String reason, Instant now) {
        this.lockedUntil = until;
        this.lockReason = reason;
        this.updatedAt = now;
    }

    void ban(String reason, Instant until, Instant now) {
        this.bannedUntil = until;
        this.banReason = reason;
        this.updatedAt = now;
    }

    void unban(Instant now) {
        this.bannedUntil = null;
        this.banReason = null;
        this.updatedAt = now;
    }

    void changeRole(Role role, Instant now) {
        this.role = role;
        this.updatedAt = now;
    }

    /** Makes the account an admin and remembers what it was, so a later demotion can give that back. */
    void promoteToAdmin(Instant now) {
        this.roleBeforeAdmin = this.role;
        this.role = Role.ADMIN;
        this.updatedAt = now;
    }

    /** Back to the role before the promotion; CUSTOMER when there is none (the bootstrap admin). */
    Role demoteFromAdmin(Instant now) {
        Role back = roleBeforeAdmin == null || roleBeforeAdmin == Role.ADMIN ? Role.CUSTOMER : roleBeforeAdmin;
        this.role = back;
        this.roleBeforeAdmin = null;
        this.updatedAt = now;
        return back;
    }

    /** An administrator reset two-factor sign-in: off, with no secret left to reuse. */
    void resetMfa(Instant now) {
        disableMfa(now);
    }

    void markEmailVerified(Instant now) {
        this.emailVerified = true;
        this.updatedAt = now;
    }

    /** A new address proven by its owner (the emailed link was opened there), or the old one given back. */
    void changeEmail(String email, Instant now) {
        this.email = email;
        this.emailVerified = true;
        this.updatedAt = now;
    }

    void startTotpSetup(String encryptedSecret, Instant now) {
        this.totpSecret = encryptedSecret;
        this.mfaEnabled = false;
        this.updatedAt = now;
    }

    void enableMfa(Instant now) {
        this.mfaEnabled = true;
        this.updatedAt = now;
    }

    void disableMfa(Instant now) {
        this.mfaEnabled = false;
        this.totpSecret = null;
        this.totpLastStep = null;
        this.updatedAt = now;
    }

    void changePasswordHash(String hash, Instant now) {
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    void updateProfile(String fullName, String phone, String language, Instant now) {
        if (language != null) {
            this.language = Languages.require(language);
        }
        if (fullName != null) {
            this.fullName = fullName;
        }
        if (phone != null) {
            this.phone = phone.isEmpty() ? null : phone;
        }
        this.updatedAt = now;
    }

    boolean erased() {
        return erasedAt != null;
    }

    /**
     * Replaces the person with a pseudonym: the name, an unroutable unique address instead of the email (so the
     * real one can register again), no phone, a password hash no password matches, no second factor.
     */
    void erase(String pseudonym, String placeholderEmail, String unusablePasswordHash, Instant now) {
        this.fullName = pseudonym;
        this.email = placeholderEmail;
        this.phone = null;
        this.passwordHash = unusablePasswordHash;
        this.emailVerified = false;
        this.banReason = null;
        this.lockReason = null;
        disableMfa(now);
        this.erasedAt = now;
    }

    @Override
    public void sealPersonalData(PersonalDataSeal personalData) {
        phoneSealed = personalData.reseal(phoneSealed, phone, "users", "phone", id);
    }

    @Override
    public void openPersonalData(PersonalDataSeal personalData) {
        phone = personalData.open(phoneSealed, "users", "phone", id);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void stored() {
        isNew = false;
    }
}
