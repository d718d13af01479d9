package com.sundispatch.dispatch.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

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

import org.springframework.data.domain.Persistable;

import com.sundispatch.security.PersonalDataSeal;
import com.sundispatch.security.PersonalDataListener;
import com.sundispatch.security.SealsPersonalData;

import com.sundispatch.dispatch.DisputeResolved;
import com.sundispatch.dispatch.JobStatus;
import com.sundispatch.orders.OrderPaid;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;

/** The installation of one paid order. */
@Entity
@Table(name = "jobs")
@EntityListeners(PersonalDataListener.class)
public class Job implements SealsPersonalData, Persistable<String> {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "order_id", nullable = false, unique = true, length = 36)
    private String orderId;

    @Column(name = "customer_id", nullable = false, length = 36)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private JobStatus status;

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

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "window_end", nullable = false)
    private Instant windowEnd;

    @Column(name = "panel_count", nullable = false)
    private int panelCount;

    @Column(nullable = false)
    private int attempt;

    @Column(nullable = false)
    private int round;

    @Column(name = "installer_id", length = 36)
    private String installerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /** Counts scheduling negotiations: a reschedule starts a new one with a fresh budget of proposals. */
    @Column(nullable = false)
    private int negotiation;

    @Column(name = "scheduled_start")
    private Instant scheduledStart;

    @Column(name = "scheduled_end")
    private Instant scheduledEnd;

    @Column(name = "appointment_agreed_at")
    private Instant appointmentAgreedAt;

    @Column(name = "late_alerted_at")
    private Instant lateAlertedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "confirm_by")
    private Instant confirmBy;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "confirmed_by", length = 12)
    private Actor confirmedBy;

    @Column(name = "disputed_at")
    private Instant disputedAt;

    @Column(name = "dispute_reason", length = 2000)
    private String disputeReason;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private DisputeResolved.Outcome resolution;

    @Column(name = "resolution_note", length = 2000)
    private String resolutionNote;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolved_by", length = 36)
    private String resolvedBy;

    @Version
    private long version;

    protected Job() {
    }

    Job(String id, OrderPaid paid, Instant now) {
        this.id = id;
        this.orderId = paid.orderId();
        this.customerId = paid.customerId();
        this.status = JobStatus.DISPATCHING;
        this.latitude = paid.latitude();
        this.longitude = paid.longitude();
        this.addressLine = paid.addressLine();
        this.city = paid.city();
        this.postalCode = paid.postalCode();
        this.country = paid.country();
        this.windowStart = paid.preferredStart();
        this.windowEnd = paid.preferredEnd();
        this.panelCount = paid.panelCount();
        this.createdAt = now;
    }

    String id() { return id; }
    String orderId() { return orderId; }
    String customerId() { return customerId; }
    JobStatus status() { return status; }
    double latitude() { return latitude; }
    double longitude() { return longitude; }
    String addressLine() { return addressLine; }
    String city() { return city; }
    String postalCode() { return postalCode; }
    String country() { return country; }
    Instant windowStart() { return windowStart; }
    Instant windowEnd() { return windowEnd; }
    int panelCount() { return panelCount; }
    int attempt() { return attempt; }
    int round() { return round; }
    String installerId() { return installerId; }
    Instant createdAt() { return createdAt; }
    Instant assignedAt() { return assignedAt; }
    Instant startedAt() { return startedAt; }
    Instant completedAt() { return completedAt; }
    int negotiation() { return negotiation; }
    Instant scheduledStart() { return scheduledStart; }
    Instant scheduledEnd() { return scheduledEnd; }
    Instant appointmentAgreedAt() { return appointmentAgreedAt; }
    Instant submittedAt() { return submittedAt; }
    Instant confirmBy() { return confirmBy; }
    Instant remindedAt() { return remindedAt; }
    Actor confirmedBy() { return confirmedBy; }
    Instant disputedAt() { return disputedAt; }
    String disputeReason() { return disputeReason; }
    DisputeResolved.Outcome resolution() { return resolution; }
    String resolutionNote() { return resolutionNote; }
    Instant resolvedAt() { return resolvedAt; }

    /** The installation site's time zone: the appointment's day is judged there. */
    ZoneId zone() {
        return InstallationZones.of(country);
    }

    // Intent: each returns the move the machine allows (or throws 409 invalid_state) after the rules of the step.
    // The repository writes a move with a conditional update from its source state, so a concurrent change wins
    // or loses cleanly and nothing outside the machine is ever written.

    /** One party accepts the other's proposal: the appointment is agreed. */
    JobStatus.Move schedule(Actor by) {
        return status.to(JobStatus.SCHEDULED, by);
    }

    /**
     * The agreed appointment is given up: allowed until {@code notice} before its start, or once its day has
     * passed without a start (a missed appointment must be re-agreed, not left hanging).
     */
    JobStatus.Move reschedule(Actor by, Instant now, Duration notice) {
        JobStatus.Move move = status.to(JobStatus.ASSIGNED, by);
        boolean early = !now.isAfter(scheduledStart.minus(notice));
        boolean missed = LocalDate.ofInstant(now, zone()).isAfter(LocalDate.ofInstant(scheduledStart, zone()));
        if (!early && !missed) {
            throw ApiException.conflict("reschedule_too_late", "The appointment is less than "
                    + notice.toHours() + " hours away; please call the other party.");
        }
        return move;
    }

    /** Work starts on the appointment's day only, judged in the installation's time zone. */
    JobStatus.Move start(Instant now) {
        JobStatus.Move move = status.to(JobStatus.IN_PROGRESS, Actor.INSTALLER);
        if (!isAppointmentDay(now)) {
            throw ApiException.conflict("not_appointment_day", "Work can start on the day of the appointment only.");
        }
        return move;
    }

    boolean isAppointmentDay(Instant now) {
        return scheduledStart != null && status == JobStatus.SCHEDULED
                && LocalDate.ofInstant(now, zone()).equals(LocalDate.ofInstant(scheduledStart, zone()));
    }

    JobStatus.Move submitCompletion() {
        return status.to(JobStatus.AWAITING_CONFIRMATION, Actor.INSTALLER);
    }

    /** The customer agrees the work is done, or nobody answered in time (SYSTEM). */
    JobStatus.Move confirm(Actor by) {
        return status.to(JobStatus.COMPLETED, by);
    }

    JobStatus.Move dispute() {
        return status.to(JobStatus.DISPUTED, Actor.CUSTOMER);
    }

    JobStatus.Move resolve(DisputeResolved.Outcome outcome) {
        return status.to(switch (outcome) {
            case REWORK -> JobStatus.IN_PROGRESS;
            case COMPLETE -> JobStatus.COMPLETED;
            case CANCEL -> JobStatus.CANCELLED;
        }, Actor.ADMIN);
    }

    JobStatus.Move cancel(Actor by) {
        return status.to(JobStatus.CANCELLED, by);
    }

    @Override
    public void sealPersonalData(PersonalDataSeal personalData) {
        addressLineSealed = personalData.reseal(addressLineSealed, addressLine, "jobs", "address_line", id);
        exactLocationSealed = personalData.resealPoint(exactLocationSealed, latitude, longitude, "jobs", id);
        coarseLatitude = PersonalDataSeal.coarse(latitude);
        coarseLongitude = PersonalDataSeal.coarse(longitude);
    }

    @Override
    public void openPersonalData(PersonalDataSeal personalData) {
        addressLine = personalData.open(addressLineSealed, "jobs", "address_line", id);
        PersonalDataSeal.Point exact = personalData.openPoint(exactLocationSealed, coarseLatitude, coarseLongitude,
                "jobs", id);
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
