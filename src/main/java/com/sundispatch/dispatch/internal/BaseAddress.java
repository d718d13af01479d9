package com.sundispatch.dispatch.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The address an installer works from, as they gave it; the base point is derived from it. {@code addressLine}
 * is empty when only the postal area was given. Null on applications and profiles from before addresses. The
 * entities store the address line sealed at rest (PersonalData) and hand out this record with the plaintext.
 */
@Embeddable
public record BaseAddress(
        @Column(name = "base_address_line", length = 512) String addressLine,
        @Column(name = "base_postal_code", length = 12) String postalCode,
        @Column(name = "base_city", length = 100) String city,
        @Column(name = "base_country", length = 2) String country) {
}
