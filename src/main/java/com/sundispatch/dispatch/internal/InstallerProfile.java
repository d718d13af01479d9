package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.PersonalDataListener;
import com.sundispatch.security.SealsPersonalData;

/** An approved installer: where they work from, how far they travel, and their rating. */
@Entity
@Table(name = "installer_profiles")
@EntityListeners(PersonalDataListener.class)
class InstallerProfile implements SealsPersonalData, Persistable<String> {

    @Id
    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(name = "company_name", nullable = false, length = 120)
    private String companyName;

    @Column(name = "license_number", nullable = false, length = 40)
    private String licenseNumber;

    @Column(name = "base_latitude", nullable = false)
    private double baseLatitude;

    @Column(name = "base_longitude", nullable = false)
    private double baseLongitude;

    /** As stored: the address line sealed at rest (PersonalDataSeal); {@link #baseAddress} holds the plaintext. */
    @Embedded
    private BaseAddress baseAddressSealed;

    @Transient
    private BaseAddress baseAddress;

    @Column(name = "service_radius_km", nullable = false)
    private int serviceRadiusKm;

    /** Sealed at rest, bound to table, column and row (PersonalDataSeal); {@link #phone} holds the plaintext. */
    @Column(name = "phone", nullable = false, length = 512)
    private String phoneSealed;

    @Transient
    private String phone;

    /**
     * New until stored or loaded: the id is assigned here, so without this Spring Data would merge a new row, and a
     * merge copies no transient field (the phone would be lost before it is sealed).
     */
    @Transient
    private boolean isNew = true;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Column(name = "rating_count", nullable = false)
    private long ratingCount;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(name = "booking_version", nullable = false)
    private long bookingVersion;

    /** Identity's ban, mirrored from its events; the candidate search skips the installer until then. */
    @Column(name = "banned_until")
    private Instant bannedUntil;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 36)
    private String revokedBy;

    @Column(name = "revoke_reason", length = 500)
    private String revokeReason;

    protected InstallerProfile() {
    }

    InstallerProfile(InstallerApplication a, Instant now) {
        this.userId = a.userId();
        this.approvedAt = now;
        update(a);
    }

    /** A newly approved application makes a revoked installer an installer again (an explicit admin action). */
    void reapprove(InstallerApplication a, Instant now) {
        update(a);
        this.approvedAt = now;
        this.revokedAt = null;
        this.revokedBy = null;
        this.revokeReason = null;
    }

    void update(InstallerApplication a) {
        this.companyName = a.companyName();
        this.licenseNumber = a.licenseNumber();
        this.baseLatitude = a.baseLatitude();
        this.baseLongitude = a.baseLongitude();
        this.baseAddress = a.baseAddress();
        this.serviceRadiusKm = a.serviceRadiusKm();
        this.phone = a.phone();
    }

    String userId() { return userId; }
    String companyName() { return companyName; }
    String phone() { return phone; }
    double baseLatitude() { return baseLatitude; }
    double baseLongitude() { return baseLongitude; }
    BaseAddress baseAddress() { return baseAddress; }
    int serviceRadiusKm() { return serviceRadiusKm; }

    /** Mean of the reviews, one decimal; 0 while there are none. */
    double rating() {
        return ratingCount == 0 ? 0 : Math.round(ratingSum * 10.0 / ratingCount) / 10.0;
    }

    long ratingCount() { return ratingCount; }
    long ratingSum() { return ratingSum; }
    Instant approvedAt() { return approvedAt; }
    Instant bannedUntil() { return bannedUntil; }
    Instant revokedAt() { return revokedAt; }
    String revokeReason() { return revokeReason; }

    /** May be shown in public (profile, reviews): the same as {@link #eligible}. */
    boolean shownInPublic(Instant now) {
        return eligible(now);
    }

    /** May receive and accept offers: approved, not revoked, not banned at {@code now}. */
    boolean eligible(Instant now) {
        return revokedAt == null && (bannedUntil == null || !now.isBefore(bannedUntil));
    }

    @Override
    public void sealPersonalData(PersonalDataSeal personalData) {
        phoneSealed = personalData.reseal(phoneSealed, phone, "installer_profiles", "phone", userId);
        baseAddressSealed = baseAddress == null ? null : new BaseAddress(personalData.reseal(
                baseAddressSealed == null ? null : baseAddressSealed.addressLine(), baseAddress.addressLine(),
                "installer_profiles", "base_address_line", userId), baseAddress.postalCode(), baseAddress.city(),
                baseAddress.country());
    }

    @Override
    public void openPersonalData(PersonalDataSeal personalData) {
        phone = personalData.open(phoneSealed, "installer_profiles", "phone", userId);
        baseAddress = baseAddressSealed == null ? null : new BaseAddress(personalData.open(
                baseAddressSealed.addressLine(), "installer_profiles", "base_address_line", userId), baseAddressSealed.postalCode(),
                baseAddressSealed.city(), baseAddressSealed.country());
    }

    @Override
    public String getId() {
        return userId;
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
