package com.sundispatch.orders.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.sundispatch.billing.BillingProperties;
import com.sundispatch.billing.Ledger;
import com.sundispatch.catalog.Catalog;
import com.sundispatch.identity.Accounts;
import com.sundispatch.orders.OrderCancelled;
import com.sundispatch.orders.OrderPlaced;
import com.sundispatch.orders.OrderStatus;
import com.sundispatch.orders.RefundIssued;
import com.sundispatch.places.AddressQuery;
import com.sundispatch.places.Place;
import com.sundispatch.places.Places;
import com.sundispatch.places.Point;
import com.sundispatch.shared.Actor;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.EventIds;
import com.sundispatch.shared.Money;

/** Placing orders (prices from the database, stock reserved atomically), reading and cancelling them. */
@Service
public class OrderService {

    /** One requested line: a panel and how many. Never a price. */
    public record Requested(String panelId, int quantity) {
    }

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderRepository orders;
    private final OrderViews views;
    private final Refunds refunds;
    private final Ledger ledger;
    private final BillingProperties billing;
    private final CustomerLockRepository locks;
    private final Catalog catalog;
    private final Places places;
    private final Accounts accounts;
    private final OrdersProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    OrderService(OrderRepository orders, OrderViews views, Refunds refunds, Ledger ledger, BillingProperties billing,
            CustomerLockRepository locks, Catalog catalog, Places places, Accounts accounts,
            OrdersProperties properties, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.orders = orders;
        this.views = views;
        this.refunds = refunds;
        this.ledger = ledger;
        this.billing = billing;
        this.places = places;
        this.locks = locks;
        this.catalog = catalog;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Checks the request, geocodes the address, then one transaction: price every line from the catalog, reserve
     * its stock with a conditional update, save the order. Any failure (unknown panel, out of stock) rolls every
     * reservation back. This method is deliberately not transactional: geocoding may call the online geocoder,
     * and no pooled connection may wait on another server.
     */
    public OrderView place(String customerId, List<Requested> requested, RequestedInstallation address) {
        accounts.requireVerifiedEmail(customerId);
        BigDecimal vatRate = billing.vatRate(address.country()).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "country_not_served", "We do not sell to this country yet."));
        Instant now = clock.instant();
        if (!address.preferredStart().isAfter(now)) {
            throw ApiException.validation("installation.preferredStart", "must be in the future");
        }
        if (address.preferredStart().isAfter(now.plus(java.time.Duration.ofDays(365)))) {
            throw ApiException.validation("installation.preferredStart", "must be within the next 12 months");
        }
        if (!address.preferredEnd().isAfter(address.preferredStart())) {
            throw ApiException.validation("installation.preferredEnd", "must be after preferredStart");
        }
        if (address.preferredEnd().isAfter(address.preferredStart().plus(java.time.Duration.ofDays(30)))) {
            throw ApiException.validation("installation.preferredEnd", "the window may be at most 30 days long");
        }
        Set<String> seen = new HashSet<>();
        for (Requested r : requested) {
            if (!seen.add(r.panelId())) {
                throw ApiException.validation("items", "each panel may appear once; set its quantity instead");
            }
        }
        int count = requested.stream().mapToInt(Requested::quantity).sum();
        if (count > 500) {
            throw ApiException.validation("items", "at most 500 panels per order");
        }
        // A cheap early refusal before the geocoder is asked (its budget is shared); the locked check below decides.
        requireUnpaidOrderSlot(customerId);
        InstallationAddress located = locate(address);
        if (!locks.existsById(customerId)) {
            try {
                tx.executeWithoutResult(s -> locks.saveAndFlush(new CustomerLock(customerId)));
            } catch (org.springframework.dao.DataIntegrityViolationException alreadyCreated) {
                // A concurrent first order created it: fine, it exists now.
            }
        }
        return tx.execute(status -> {
            locks.lock(customerId).orElseThrow();
            requireUnpaidOrderSlot(customerId);
            List<OrderLine> lines = new ArrayList<>();
            List<OrderPricing.Line> priced = new ArrayList<>();
            for (Requested r : requested) {
                Catalog.PricedPanel panel = catalog.priceOf(r.panelId());
                catalog.reserve(r.panelId(), r.quantity());
                lines.add(new OrderLine(panel.id(), panel.name(), r.quantity(), panel.unitPrice()));
                priced.add(new OrderPricing.Line(r.quantity(), panel.unitPrice()));
            }
            OrderPricing.Totals totals = OrderPricing.totals(priced,
                    catalog.installationFee(OrderPricing.panelCount(priced)), vatRate);
            CustomerOrder order = orders.save(new CustomerOrder(UUID.randomUUID().toString(), customerId, lines,
                    totals, located, now, now.plus(properties.reservationTtl())));
            String currency = order.currency();
            events.publishEvent(new OrderPlaced(EventIds.next(), order.id(), customerId, lines.stream()
                    .map(l -> new OrderPlaced.Item(l.panelName(), l.quantity(), Money.of(l.unitPrice(), currency)))
                    .toList(), Money.of(totals.panelsTotal(), currency), Money.of(totals.installationFee(), currency),
                    Money.of(totals.total(), currency), now, order.reservedUntil()));
            return views.of(order);
        });
    }

    private void requireUnpaidOrderSlot(String customerId) {
        if (orders.countByCustomerIdAndStatus(customerId, OrderStatus.PENDING_PAYMENT) >= properties.maxUnpaidOrders()) {
            throw ApiException.conflict("too_many_unpaid_orders", "You have " + properties.maxUnpaidOrders()
                    + " unpaid orders. Pay or cancel one before placing another.");
        }
    }

    /**
     * The address placed by the geocoder (400 address_not_found when it cannot be), moved to the customer's
     * map pin when one was sent (400 pin_too_far beyond the allowed correction).
     */
    private InstallationAddress locate(RequestedInstallation i) {
        Place place = places.locate(new AddressQuery(i.addressLine(), i.postalCode(), i.city(), i.country()));
        Point point = places.pinned(place, i.pinLatitude(), i.pinLongitude());
        // The town as the geocoder names it, not as typed: installers see it before accepting, so it must not
        // carry whatever else the customer put into the field (a street, a name).
        String city = place.city() == null || place.city().isBlank() ? i.city() : place.city();
        return new InstallationAddress(i.addressLine(), city, i.postalCode(), i.country(), point.latitude(),
                point.longitude(), place.precision(), i.preferredStart(), i.preferredEnd());
    }

    @Transactional(readOnly = true)
    public Page<OrderView> list(String customerId, Pageable pageable) {
        return orders.findByCustomerId(customerId, pageable).map(views::of);
    }

    @Transactional(readOnly = true)
    public OrderView get(String customerId, String orderId) {
        return orders.findOwned(orderId, customerId).map(views::of)
                .orElseThrow(() -> ApiException.notFound("No such order."));
    }

    /**
     * Cancels before installation starts; stock goes back. A paid order is refunded through the provider: in full
     * while no installer holds it, minus the cancellation fee once one does (the fee is booked to the platform).
     */
    public OrderView cancel(String customerId, String orderId) {
        return tx.execute(status -> {
            orders.findOwned(orderId, customerId).orElseThrow(() -> ApiException.notFound("No such order."));
            CustomerOrder order = orders.lockById(orderId).orElseThrow();
            OrderStatus from = order.status();
            if (!from.cancellable()) {
                throw ApiException.conflict("invalid_state", from == OrderStatus.CANCELLED
                        ? "The order is already cancelled." : "The installation has started; it cannot be cancelled.");
            }
            boolean paid = from.paid();
            if (orders.cancel(orderId, from.to(OrderStatus.CANCELLED, Actor.CUSTOMER), clock.instant(), paid) != 1) {
                throw ApiException.conflict("invalid_state", "The order changed meanwhile; reload it.");
            }
            order.lines().forEach(l -> catalog.release(l.panelId(), l.quantity()));
            BigDecimal refund = BigDecimal.ZERO;
            if (paid) {
                BigDecimal refundable = refunds.refundable(orderId);
                BigDecimal fee = OrderViews.cancellationFee(from, refundable, billing);
                if (fee.signum() > 0) {
                    ledger.record(Ledger.Movement.of(orderId, Ledger.Kind.CANCELLATION_FEE, fee, order.currency(),
                            orderId));
                }
                refund = refundable.subtract(fee);
                refunds.open(order, refund, RefundIssued.Reason.CANCELLED, null, customerId, "cancel-" + orderId);
            }
            events.publishEvent(new OrderCancelled(EventIds.next(), orderId, customerId, OrderCancelled.Reason.CUSTOMER,
                    paid, paid ? Money.of(refund, order.currency()) : null, clock.instant()));
            if (paid) {
                log.info("Order {} cancelled after payment: {} {} refunded", orderId, refund, order.currency());
            }
            return views.of(orders.findById(orderId).orElseThrow());
        });
    }

    /**
     * Unpaid orders whose reservation ran out become CANCELLED and give their stock back. Each order is
     * claimed with a conditional update, so two instances running this at once never release twice.
     */
    public int expireReservations() {
        List<String> due = orders.findExpired(OrderStatus.PENDING_PAYMENT, clock.instant(), PageRequest.of(0, 200));
        int expired = 0;
        for (String id : due) {
            Boolean done = tx.execute(status -> {
                CustomerOrder order = orders.findById(id).orElse(null);
                if (order == null || orders.cancel(id, OrderStatus.PENDING_PAYMENT.to(OrderStatus.CANCELLED,
                        Actor.SYSTEM), clock.instant(), false) != 1) {
                    return false;
                }
                order.lines().forEach(l -> catalog.release(l.panelId(), l.quantity()));
                events.publishEvent(new OrderCancelled(EventIds.next(), id, order.customerId(),
                        OrderCancelled.Reason.RESERVATION_EXPIRED, false, null, clock.instant()));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("{} unpaid order(s) expired; their stock is back on sale", expired);
        }
        return expired;
    }
}
