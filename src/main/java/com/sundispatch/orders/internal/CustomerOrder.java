package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.springframework.data.domain.Persistable;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.PersonalDataListener;
import com.sundispatch.security.SealsPersonalData;

import com.sundispatch.orders.OrderStatus;
import com.sundispatch.billing.Vat;
import com.sundispatch.places.Precision;
import com.sundispatch.shared.Money;

@Entity
@Table(name = "orders")
@EntityListeners(PersonalDataListener.class)
class CustomerOrder implements SealsPersonalData, Persistable<String> {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "customer_id", nullable = false, length = 36)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(name = "panels_total", nullable = false, precision = 12, scale = 2)
    private BigDecimal panelsTotal;

    @Column(name = "installation_fee", nullable = false, precision = 12, scale = 2)
    private BigDecimal installationFee;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    @Column(nullable = false, length = 3)
    private String currency;

    /** Sealed at rest, bound to table, column and row (PersonalDataSeal); {@link #addressLine} holds the plaintext. */
    @Column(name = "address_line", nullable = false, length = 512)
    private String addressLineSealed;

    @Transient
    private String addressLine;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", nullable = false, length = 12)
    private String postalCode;

    @Column(nullable = false, length = 2)
    private String country;

    /**
     * The point rounded to 0.01° (about 1 km, what installers see before accepting): the plaintext copy for anything
     * that wants a coordinate in SQL or a backup reader; the exact point is sealed in {@code exact_location}.
     */
    @Column(name = "latitude", nullable = false)
    private double coarseLatitude;

    @Column(name = "longitude", nullable = false)
    private double coarseLongitude;

    /** "latitude,longitude" of the exact point, sealed at rest; {@link #latitude}/{@link #longitude} hold it. */
    @Column(name = "exact_location", length = 512)
    private String exactLocationSealed;

    @Transient
    private double latitude;

    @Transient
    private double longitude;

    /**
     * New until stored or loaded: the id is assigned here (and the version is primitive), so without this Spring
     * Data would merge a new row, and a merge copies no transient field (the plaintext would be lost unsealed).
     */
    @Transient
    private boolean isNew = true;

    /** Null for orders placed before addresses were geocoded. */
    @Enumerated(EnumType.STRING)
    @Column(name = "location_precision", length = 12)
    private Precision precision;

    @Column(name = "preferred_start", nullable = false)
    private Instant preferredStart;

    @Column(name = "preferred_end", nullable = false)
    private Instant preferredEnd;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "reserved_until", nullable = false)
    private Instant reservedUntil;

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "refund_due", nullable = false)
    private boolean refundDue;

    /** The VAT split of the total; null for orders placed before 0.12.0 (computed on read then). */
    @Column(name = "vat_rate", precision = 5, scale = 2)
    private BigDecimal vatRate;

    @Column(name = "net_total", precision = 12, scale = 2)
    private BigDecimal netTotal;

    @Column(name = "vat_total", precision = 12, scale = 2)
    private BigDecimal vatTotal;

    /** The installer who holds the installation, set when one accepts and cleared when they are withdrawn. */
    @Column(name = "installer_id", length = 36)
    private String installerId;

    @Version
    private long version;

    protected CustomerOrder() {
    }

    CustomerOrder(String id, String customerId, List<OrderLine> lines, OrderPricing.Totals totals,
            InstallationAddress address, Instant now, Instant reservedUntil) {
        this.id = id;
        this.customerId = customerId;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.lines = new ArrayList<>(lines);
        this.panelsTotal = totals.panelsTotal();
        this.installationFee = totals.installationFee();
        this.total = totals.total();
        this.currency = Money.EUR;
        this.vatRate = totals.tax().rate();
        this.netTotal = totals.tax().net();
        this.vatTotal = totals.tax().vat();
        this.addressLine = address.addressLine();
        this.city = address.city();
        this.postalCode = address.postalCode();
        this.country = address.country();
        this.latitude = address.latitude();
        this.longitude = address.longitude();
        this.precision = address.precision();
        this.preferredStart = address.preferredStart();
        this.preferredEnd = address.preferredEnd();
        this.createdAt = now;
        this.reservedUntil = reservedUntil;
    }

    String id() {
        return id;
    }

    String customerId() {
        return customerId;
    }

    OrderStatus status() {
        return status;
    }

    List<OrderLine> lines() {
        return lines;
    }

    BigDecimal panelsTotal() {
        return panelsTotal;
    }

    BigDecimal installationFee() {
        return installationFee;
    }

    BigDecimal total() {
        return total;
    }

    String currency() {
        return currency;
    }

    InstallationAddress address() {
        return new InstallationAddress(addressLine, city, postalCode, country, latitude, longitude, precision,
                preferredStart, preferredEnd);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant reservedUntil() {
        return reservedUntil;
    }

    Instant paidAt() {
        return paidAt;
    }

    boolean refundDue() {
        return refundDue;
    }

    Instant cancelledAt() {
        return cancelledAt;
    }

    String installerId() {
        return installerId;
    }

    /** The stored VAT split, or empty for an order placed before VAT was recorded. */
    Optional<Vat.Split> storedTax() {
        return vatRate == null ? Optional.empty()
                : Optional.of(new Vat.Split(netTotal, vatTotal, total, vatRate));
    }

    int panelCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    @Override
    public void sealPersonalData(PersonalDataSeal personalData) {
        addressLineSealed = personalData.reseal(addressLineSealed, addressLine, "orders", "address_line", id);
        exactLocationSealed = personalData.resealPoint(exactLocationSealed, latitude, longitude, "orders", id);
        coarseLatitude = PersonalDataSeal.coarse(latitude);
        coarseLongitude = PersonalDataSeal.coarse(longitude);
    }

    @Override
    public void openPersonalData(PersonalDataSeal personalData) {
        addressLine = personalData.open(addressLineSealed, "orders", "address_line", id);
        PersonalDataSeal.Point exact = personalData.openPoint(exactLocationSealed, coarseLatitude, coarseLongitude,
                "orders", id);
        latitude = exact.latitude();
        longitude = exact.longitude();
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
