package com.sundispatch.orders;

import com.sundispatch.shared.Actor;

/**
 * How the installation moves its order along. Each call is one move of {@link OrderStatus}'s machine, applied
 * only from the state the job's move implies; false means the order was not there (e.g. cancelled meanwhile),
 * and the caller then rolls its own move back.
 */
public interface OrderProgress {

    /** PAID to SCHEDULED: an installer accepted; the order names them (their payout is recorded against it). */
    boolean installerAssigned(String orderId, String installerId);

    /** SCHEDULED to INSTALLING: work started on the appointment's day. */
    boolean installationStarted(String orderId);

    /** INSTALLING to AWAITING_CONFIRMATION: the installer submitted the completion report. */
    boolean completionSubmitted(String orderId);

    /**
     * To COMPLETED: from AWAITING_CONFIRMATION by the customer or the system (nobody answered in time), or from
     * DISPUTED by an admin. The money held for the order is released: the installer's payout becomes due (net of
     * the platform's fee and, by default, the VAT) in the same transaction.
     */
    boolean installationConfirmed(String orderId, Actor by, String installerId);

    /** AWAITING_CONFIRMATION to DISPUTED: the customer disputed the report. */
    boolean installationDisputed(String orderId);

    /** DISPUTED to INSTALLING: an admin sent the installer back to fix the work. */
    boolean reworkOrdered(String orderId);

    /**
     * An admin cancelled an installation that had started (in progress or disputed): the order is CANCELLED, what
     * is left of the payment is refunded through the provider, and {@link OrderCancelled} (reason ADMIN) is
     * published. The panels are not put back on sale:
     * they left the warehouse with the installer.
     */
    boolean cancelledByAdmin(String orderId);

    /**
     * The assigned installer was suspended before starting: the order awaits an installer again (SCHEDULED back
     * to PAID). False when the order is not SCHEDULED.
     */
    boolean installerWithdrawn(String orderId);
}
