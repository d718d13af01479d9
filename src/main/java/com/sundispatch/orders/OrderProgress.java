package com.sundispatch.orders;

/**
 * How the installation moves its order along (SCHEDULED, INSTALLING, COMPLETED). Each call is a conditional
 * update from the expected state; false means the order is no longer there (e.g. cancelled meanwhile).
 */
public interface OrderProgress {

    boolean installerAssigned(String orderId);

    boolean installationStarted(String orderId);

    boolean installationCompleted(String orderId);

    /**
     * The assigned installer was suspended before starting: the order awaits an installer again (SCHEDULED back
     * to PAID). False when the order is not SCHEDULED.
     */
    boolean installerWithdrawn(String orderId);
}
