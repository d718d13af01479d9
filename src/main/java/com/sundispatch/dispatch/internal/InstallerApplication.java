package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.PersonalDataListener;
import com.sundispatch.security.SealsPersonalData;

/** A request to become an installer; the decision (who, when, why) stays on the row as its audit record. */
@Entity
@Table(name = "installer_applications")
@EntityListeners(PersonalDataListener.class)
class InstallerApplication implements SealsPersonalData, Persistable<String> {

    enum Status {
        PENDING, APPROVED, REJECTED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

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

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by", length = 36)
    private String decidedBy;

    @Column(name = "reject_reason", length = 500)
    private String rejectReason;

    /** 1..3 while pending (unique per user, so the limit holds under concurrency), null once decided. */
    @Column(name = "pending_slot")
    private Integer pendingSlot;

    protected InstallerApplication() {
    }

    InstallerApplication(String id, String userId, String companyName, String licenseNumber, BaseAddress baseAddress,
            double lat, double lon, int radiusKm, String phone, Instant now, int pendingSlot) {
        this.baseAddress = baseAddress;
        this.id = id;
        this.pendingSlot = pendingSlot;
        this.userId = userId;
        this.status = Status.PENDING;
        this.companyName = companyName;
        this.licenseNumber = licenseNumber;
        this.baseLatitude = lat;
        this.baseLongitude = lon;
        this.serviceRadiusKm = radiusKm;
        this.phone = phone;
        this.createdAt = now;
    }

    String id() { return id; }
    String userId() { return userId; }
    Status status() { return status; }
    String companyName() { return companyName; }
    String licenseNumber() { return licenseNumber; }
    double baseLatitude() { return baseLatitude; }
    double baseLongitude() { return baseLongitude; }
    BaseAddress baseAddress() { return baseAddress; }
    int serviceRadiusKm() { return serviceRadiusKm; }
    String phone() { return phone; }
    Instant createdAt() { return createdAt; }
    Instant decidedAt() { return decidedAt; }
    String rejectReason() { return rejectReason; }
    Integer pendingSlot() { return pendingSlot; }

    @Override
    public void sealPersonalData(PersonalDataSeal personalData) {
        phoneSealed = personalData.reseal(phoneSealed, phone, "installer_applications", "phone", id);
        baseAddressSealed = baseAddress == null ? null : new BaseAddress(personalData.reseal(
                baseAddressSealed == null ? null : baseAddressSealed.addressLine(), baseAddress.addressLine(),
                "installer_applications", "base_address_line", id), baseAddress.postalCode(), baseAddress.city(),
                baseAddress.country());
    }

    @Override
    public void openPersonalData(PersonalDataSeal personalData) {
        phone = personalData.open(phoneSealed, "installer_applications", "phone", id);
        baseAddress = baseAddressSealed == null ? null : new BaseAddress(personalData.open(
                baseAddressSealed.addressLine(), "installer_applications", "base_address_line", id), baseAddressSealed.postalCode(),
                baseAddressSealed.city(), baseAddressSealed.country());
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
