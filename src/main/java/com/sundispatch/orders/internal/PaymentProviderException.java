package com.sundispatch.orders.internal;

/**
 * The provider could not be reached or refused a call. {@code retryable} when trying again later may succeed
 * (timeouts, 5xx, 429); the caller then keeps the work pending instead of failing it.
 */
class PaymentProviderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final String code;

    PaymentProviderException(String message, String code, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }

    /** The provider's error code when it gave one (e.g. {@code charge_already_refunded}), else a word of ours. */
    String code() {
        return code;
    }
}
