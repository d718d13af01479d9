package com.sundispatch.orders.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The money's clockwork: reconciliation with the provider and the ledger check. Every instance runs both; each
 * settlement is a conditional update and the check only reads, so running twice at once is harmless.
 */
@Component
class MoneyTimers {

    private final PaymentService payments;
    private final MoneyChecks checks;

    MoneyTimers(PaymentService payments, MoneyChecks checks) {
        this.payments = payments;
        this.checks = checks;
    }

    @Scheduled(fixedDelayString = "${sundispatch.payments.reconcile-interval:PT5M}",
            initialDelayString = "${sundispatch.payments.reconcile-interval:PT5M}")
    void reconcile() {
        payments.reconcile();
    }

    @Scheduled(fixedDelayString = "${sundispatch.payments.ledger-check-interval:PT1H}",
            initialDelayString = "${sundispatch.payments.ledger-check-interval:PT1H}")
    void checkLedger() {
        checks.check();
    }
}
