package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.sundispatch.orders.OrderStatus;

import static org.assertj.core.api.Assertions.assertThat;

class OrderRulesTest {

    @Test
    void totalsAreLinesPlusFeeToTheCent() {
        var totals = OrderPricing.totals(List.of(new OrderPricing.Line(3, new BigDecimal("142.00")),
                new OrderPricing.Line(2, new BigDecimal("189.995"))), new BigDecimal("715"), new BigDecimal("19"));
        assertThat(totals.panelsTotal()).isEqualByComparingTo("805.99");
        assertThat(totals.installationFee()).isEqualByComparingTo("715.00");
        assertThat(totals.total()).isEqualByComparingTo("1520.99");
        assertThat(totals.panelCount()).isEqualTo(5);
    }

    @Test
    void statusMovesOnlyForward() {
        assertThat(OrderStatus.PENDING_PAYMENT.canMoveTo(OrderStatus.PAID)).isTrue();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.SCHEDULED)).isTrue();
        assertThat(OrderStatus.SCHEDULED.canMoveTo(OrderStatus.INSTALLING)).isTrue();
        assertThat(OrderStatus.INSTALLING.canMoveTo(OrderStatus.AWAITING_CONFIRMATION)).isTrue();
        assertThat(OrderStatus.AWAITING_CONFIRMATION.canMoveTo(OrderStatus.COMPLETED)).isTrue();
        assertThat(OrderStatus.INSTALLING.canMoveTo(OrderStatus.COMPLETED)).isFalse();
        assertThat(OrderStatus.PENDING_PAYMENT.canMoveTo(OrderStatus.COMPLETED)).isFalse();
        assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PENDING_PAYMENT)).isFalse();
        assertThat(OrderStatus.COMPLETED.next()).isEmpty();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void cancellableUntilTheInstallerStarts() {
        assertThat(OrderStatus.PENDING_PAYMENT.cancellable()).isTrue();
        assertThat(OrderStatus.PAID.cancellable()).isTrue();
        assertThat(OrderStatus.SCHEDULED.cancellable()).isTrue();
        assertThat(OrderStatus.INSTALLING.cancellable()).isFalse();
        assertThat(OrderStatus.COMPLETED.cancellable()).isFalse();
        assertThat(OrderStatus.CANCELLED.cancellable()).isFalse();
    }

    @Test
    void refundDueOnlyWhenMoneyWasTaken() {
        assertThat(OrderStatus.PENDING_PAYMENT.paid()).isFalse();
        assertThat(OrderStatus.PAID.paid()).isTrue();
        assertThat(OrderStatus.SCHEDULED.paid()).isTrue();
    }
}
