package com.sundispatch.catalog.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "panels")
class Panel {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 80)
    private String manufacturer;

    @Column(name = "watts_peak", nullable = false)
    private int wattsPeak;

    @Column(name = "efficiency_percent", nullable = false, precision = 4, scale = 1)
    private BigDecimal efficiencyPercent;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal price;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private int stock;

    @Column(name = "warranty_years", nullable = false)
    private int warrantyYears;

    @Column(name = "photo_urls", length = 2000)
    private String photoUrls;

    @Column(length = 2000)
    private String description;

    @Column(name = "length_mm")
    private Integer lengthMm;

    @Column(name = "width_mm")
    private Integer widthMm;

    @Column(name = "thickness_mm")
    private Integer thicknessMm;

    @Column(name = "weight_kg", precision = 5, scale = 1)
    private BigDecimal weightKg;

    @Enumerated(EnumType.STRING)
    @Column(name = "cell_type", length = 16)
    private CellType cellType;

    @Column(name = "performance_warranty_years")
    private Integer performanceWarrantyYears;

    @Column(name = "performance_warranty_percent", precision = 4, scale = 1)
    private BigDecimal performanceWarrantyPercent;

    @Column(nullable = false)
    private boolean retired;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Panel() {
    }

    Panel(String id, PanelData data, Instant now) {
        this.id = id;
        this.currency = "EUR";
        this.createdAt = now;
        apply(data, now);
    }

    void apply(PanelData d, Instant now) {
        this.name = d.name();
        this.manufacturer = d.manufacturer();
        this.wattsPeak = d.wattsPeak();
        this.efficiencyPercent = d.efficiencyPercent();
        this.price = d.price();
        this.stock = d.stock();
        this.warrantyYears = d.warrantyYears();
        this.photoUrls = String.join("\n", d.photoUrls());
        PanelData.Datasheet sheet = d.datasheet();
        this.description = sheet.description();
        this.lengthMm = sheet.lengthMm();
        this.widthMm = sheet.widthMm();
        this.thicknessMm = sheet.thicknessMm();
        this.weightKg = sheet.weightKg();
        this.cellType = sheet.cellType();
        this.performanceWarrantyYears = sheet.performanceWarrantyYears();
        this.performanceWarrantyPercent = sheet.performanceWarrantyPercent();
        this.updatedAt = now;
    }

    void retire(Instant now) {
        this.retired = true;
        this.updatedAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String manufacturer() {
        return manufacturer;
    }

    int wattsPeak() {
        return wattsPeak;
    }

    BigDecimal efficiencyPercent() {
        return efficiencyPercent;
    }

    BigDecimal price() {
        return price;
    }

    String currency() {
        return currency;
    }

    int stock() {
        return stock;
    }

    int warrantyYears() {
        return warrantyYears;
    }

    PanelData.Datasheet datasheet() {
        return new PanelData.Datasheet(description, lengthMm, widthMm, thicknessMm, weightKg, cellType,
                performanceWarrantyYears, performanceWarrantyPercent);
    }

    long version() {
        return version;
    }

    boolean retired() {
        return retired;
    }

    List<String> photoUrls() {
        return photoUrls == null || photoUrls.isBlank() ? List.of() : Arrays.asList(photoUrls.split("\n"));
    }
}
