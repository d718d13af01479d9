package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Ledger;
import com.sundispatch.billing.Payouts;
import com.sundispatch.billing.Vat;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderProgress;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;

@Component
class OrderProgressFacade implements OrderProgress {

    private final OrderRepository orders;
    private final Refunds refunds;
    private final Ledger ledger;
    private final Payouts payouts;
    private final BillingProperties billing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderProgressFacade(OrderRepository orders, Refunds refunds, Ledger ledger, Payouts payouts,
            BillingProperties billing, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.ledger = ledger;
        this.payouts = payouts;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean installerAssigned(String orderId, String installerId) {
        return orders.assign(orderId, OrderStatus.PAID.to(OrderStatus.SCHEDULED, Actor.INSTALLER), installerId) == 1;
    }

    @Override
    @Transactional
    public boolean installationStarted(String orderId) {
        return advance(orderId, OrderStatus.SCHEDULED.to(OrderStatus.INSTALLING, Actor.INSTALLER));
    }

    @Override
    @Transactional
    public boolean completionSubmitted(String orderId) {
        return advance(orderId, OrderStatus.INSTALLING.to(OrderStatus.AWAITING_CONFIRMATION, Actor.INSTALLER));
    }

    @Override
    @Transactional
    public boolean installationConfirmed(String orderId, Actor by, String installerId) {
        OrderStatus from = by == Actor.ADMIN ? OrderStatus.DISPUTED : OrderStatus.AWAITING_CONFIRMATION;
        if (!advance(orderId, from.to(OrderStatus.COMPLETED, by))) {
            return false;
        }
        CustomerOrder order = orders.findById(orderId).orElseThrow();
        // What is still held after any refunds (a goodwill refund during a dispute) is what the work earned.
        BigDecimal held = ledger.balances(orderId).getOrDefault(Ledger.Account.HELD, BigDecimal.ZERO);
        if (held.signum() > 0) {
            Vat.Split tax = Vat.split(held, OrderViews.tax(order, billing).rate());
            payouts.recordDue(orderId, installerId, held, tax.vat(), order.currency());
        }
        return true;
    }

    @Override
    @Transactional
    public boolean installationDisputed(String orderId) {
        return advance(orderId, OrderStatus.AWAITING_CONFIRMATION.to(OrderStatus.DISPUTED, Actor.CUSTOMER));
    }

    @Override
    @Transactional
    public boolean reworkOrdered(String orderId) {
        return advance(orderId, OrderStatus.DISPUTED.to(OrderStatus.INSTALLING, Actor.ADMIN));
    }

    @Override
    @Transactional
    public boolean cancelledByAdmin(String orderId) {
        CustomerOrder order = orders.lockById(orderId).orElse(null);
        if (order == null || !order.status().allows(OrderStatus.CANCELLED, Actor.ADMIN)) {
            return false;
        }
        if (orders.cancel(orderId, order.status().to(OrderStatus.CANCELLED, Actor.ADMIN), clock.instant(),
                true) != 1) {
            return false;
        }
        BigDecimal refund = refunds.refundable(orderId);
        refunds.open(order, refund, RefundIssued.Reason.CANCELLED_BY_ADMIN, null, null, "admin-cancel-" + orderId);
        events.publishEvent(new OrderCancelled(EventIds.next(), orderId, order.customerId(),
                OrderCancelled.Reason.ADMIN, true, Money.of(refund, order.currency()), clock.instant()));
        return true;
    }

    @Override
    @Transactional
    public boolean installerWithdrawn(String orderId) {
        return orders.unassign(orderId, OrderStatus.SCHEDULED.to(OrderStatus.PAID, Actor.SYSTEM)) == 1;
    }

    private boolean advance(String orderId, OrderStatus.Move move) {
        return orders.advance(orderId, move) == 1;
    }
}
