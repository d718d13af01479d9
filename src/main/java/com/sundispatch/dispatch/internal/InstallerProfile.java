package com.sundispatch.dispatch.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An approved installer: where they work from, how far they travel, and their rating. */
@Entity
@Table(name = "installer_profiles")
class InstallerProfile {

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

    @Column(name = "service_radius_km", nullable = false)
    private int serviceRadiusKm;

    @Column(nullable = false, length = 32)
    private String phone;

    @Column(name = "rating_sum", nullable = false)
    private long ratingSum;

    @Column(name = "rating_count", nullable = false)
    private long ratingCount;

    @Column(name = "approved_at", nullable = false)
    private Instant approvedAt;

    @Column(name = "booking_version", nullable = false)
    private long bookingVersion;

    protected InstallerProfile() {
    }

    InstallerProfile(InstallerApplication a, Instant now) {
        this.userId = a.userId();
        this.approvedAt = now;
        update(a);
    }

    void update(InstallerApplication a) {
        this.companyName = a.companyName();
        this.licenseNumber = a.licenseNumber();
        this.baseLatitude = a.baseLatitude();
        this.baseLongitude = a.baseLongitude();
        this.serviceRadiusKm = a.serviceRadiusKm();
        this.phone = a.phone();
    }

    String userId() { return userId; }
    String companyName() { return companyName; }
    double baseLatitude() { return baseLatitude; }
    double baseLongitude() { return baseLongitude; }
    int serviceRadiusKm() { return serviceRadiusKm; }

    /** Mean of the reviews, one decimal; 0 while there are none. */
    double rating() {
        return ratingCount == 0 ? 0 : Math.round(ratingSum * 10.0 / ratingCount) / 10.0;
    }

    long ratingCount() { return ratingCount; }
}
