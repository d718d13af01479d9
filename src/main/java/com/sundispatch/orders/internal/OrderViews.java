package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Invoicing;
import com.sundispatch.billing.Vat;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.shared.Money;

/** Builds {@link OrderView}s: the order with its refunds, documents and the current price of cancelling. */
@Component
class OrderViews {

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final Invoicing invoicing;
    private final BillingProperties billing;

    OrderViews(RefundRepository refunds, PaymentRepository payments, Invoicing invoicing, BillingProperties billing) {
        this.refunds = refunds;
        this.payments = payments;
        this.invoicing = invoicing;
        this.billing = billing;
    }

    OrderView of(CustomerOrder o) {
        String currency = o.currency();
        List<Refund> orderRefunds = refunds.findByOrderIdOrderByCreatedAt(o.id());
        BigDecimal captured = payments.findByOrderIdAndStatus(o.id(), Payment.Status.SUCCEEDED).stream()
                .map(Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal refunded = sum(orderRefunds, Refund.Status.SUCCEEDED);
        BigDecimal open = captured.subtract(refunded).subtract(sum(orderRefunds, Refund.Status.PENDING));
        Vat.Split tax = tax(o, billing);
        return new OrderView(o.id(), o.status(),
                o.lines().stream().map(l -> new OrderView.Item(l.panelId(), l.panelName(), l.quantity(),
                        Money.of(l.unitPrice(), currency),
                        Money.of(OrderPricing.lineTotal(l.quantity(), l.unitPrice()), currency))).toList(),
                Money.of(o.panelsTotal(), currency), Money.of(o.installationFee(), currency),
                Money.of(o.total(), currency),
                new OrderView.Tax(tax.rate().stripTrailingZeros().toPlainString(), Money.of(tax.net(), currency),
                        Money.of(tax.vat(), currency)),
                o.address(), o.createdAt(), o.status() == OrderStatus.PENDING_PAYMENT ? o.reservedUntil() : null,
                o.paidAt(), o.cancelledAt(), o.refundDue(), Money.of(refunded, currency), refundStatus(orderRefunds, captured, refunded),
                orderRefunds.stream().map(r -> new OrderView.RefundView(r.id(), Money.of(r.amount(), r.currency()),
                        r.status().name(), r.reason().name(), r.createdAt(), r.settledAt())).toList(),
                invoicing.documentsOf(o.id()).stream().map(d -> new OrderView.DocumentView(d.id(), d.type().name(),
                        d.number(), d.issuedOn(), d.gross())).toList(),
                cancellation(o, open.max(BigDecimal.ZERO), billing));
    }

    /** The order's VAT split as stored, or for an order from before 0.12.0 computed from its country's rate. */
    static Vat.Split tax(CustomerOrder o, BillingProperties billing) {
        return o.storedTax().orElseGet(() -> Vat.split(o.total(),
                billing.vatRate(o.address().country()).orElse(BigDecimal.ZERO)));
    }

    /** The fee a customer's cancellation keeps now: only once an installer was assigned, never more than is held. */
    static BigDecimal cancellationFee(OrderStatus status, BigDecimal refundable, BillingProperties billing) {
        return status == OrderStatus.SCHEDULED ? billing.cancellationFee().min(refundable) : BigDecimal.ZERO;
    }

    private static OrderView.Cancellation cancellation(CustomerOrder o, BigDecimal refundable,
            BillingProperties billing) {
        if (!o.status().cancellable()) {
            return null;
        }
        BigDecimal fee = o.status().paid() ? cancellationFee(o.status(), refundable, billing) : BigDecimal.ZERO;
        BigDecimal refund = o.status().paid() ? refundable.subtract(fee) : BigDecimal.ZERO;
        return new OrderView.Cancellation(Money.of(fee, o.currency()), Money.of(refund, o.currency()));
    }

    private static OrderView.RefundStatus refundStatus(List<Refund> all, BigDecimal captured, BigDecimal refunded) {
        if (all.isEmpty()) {
            return OrderView.RefundStatus.NONE;
        }
        if (all.stream().anyMatch(r -> r.status() == Refund.Status.PENDING)) {
            return OrderView.RefundStatus.PENDING;
        }
        if (all.stream().anyMatch(r -> r.status() == Refund.Status.FAILED)) {
            return OrderView.RefundStatus.FAILED;
        }
        return refunded.compareTo(captured) >= 0 ? OrderView.RefundStatus.REFUNDED
                : OrderView.RefundStatus.PARTIALLY_REFUNDED;
    }

    private static BigDecimal sum(List<Refund> all, Refund.Status status) {
        return all.stream().filter(r -> r.status() == status).map(Refund::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
