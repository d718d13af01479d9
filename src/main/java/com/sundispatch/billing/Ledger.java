package com.sundispatch.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only record of every movement of money, per order, between accounts. Rows are inserted and never
 * updated or deleted; a movement is recorded at most once per (order, kind, reference), so a retried step never
 * books twice. Every order's balances can be recomputed from it.
 */
public interface Ledger {

    enum Account {
        /** Outside: the paying homeowner. */
        CUSTOMER,
        /** Money the platform holds for an order until the installation is confirmed. */
        HELD,
        /** The platform's own revenue: fees, kept cancellation fees. */
        PLATFORM,
        /** VAT owed to the tax office. */
        TAX,
        /** Owed to the installer, not yet transferred. */
        INSTALLER_PAYABLE,
        /** Outside: transferred to the installer. */
        INSTALLER
    }

    enum Kind {
        CAPTURE(Account.CUSTOMER, Account.HELD),
        REFUND(Account.HELD, Account.CUSTOMER),
        CANCELLATION_FEE(Account.HELD, Account.PLATFORM),
        VAT(Account.HELD, Account.TAX),
        PLATFORM_FEE(Account.HELD, Account.PLATFORM),
        PAYOUT_DUE(Account.HELD, Account.INSTALLER_PAYABLE),
        PAYOUT_PAID(Account.INSTALLER_PAYABLE, Account.INSTALLER);

        private final Account from;
        private final Account to;

        Kind(Account from, Account to) {
            this.from = from;
            this.to = to;
        }

        public Account from() {
            return from;
        }

        public Account to() {
            return to;
        }
    }

    /**
     * One movement to record. {@code from} is normally the kind's own; a refund of money no longer held (after
     * the payout) comes from {@link Account#PLATFORM}. {@code reference} names what caused it (payment, refund,
     * payout id) and makes the record idempotent.
     */
    record Movement(String orderId, Kind kind, Account from, BigDecimal amount, String currency, String reference) {

        public static Movement of(String orderId, Kind kind, BigDecimal amount, String currency, String reference) {
            return new Movement(orderId, kind, kind.from(), amount, currency, reference);
        }
    }

    record Entry(String id, String orderId, Kind kind, Account from, Account to, BigDecimal amount, String currency,
            String reference, Instant createdAt) {
    }

    /**
     * Records a movement in the caller's transaction; false (and nothing written) when the same (order, kind,
     * reference) is already recorded. Amounts must be positive.
     */
    boolean record(Movement movement);

    List<Entry> entriesOf(String orderId);

    /** When the first movement of all was recorded (the ledger began with 0.12.0); empty while there is none. */
    Optional<Instant> firstEntryAt();

    /** The order's balance per account: money in minus money out, from its entries alone. */
    Map<Account, BigDecimal> balances(String orderId);
}
