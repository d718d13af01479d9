package com.sundispatch.orders.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.sundispatch.orders.internal.OrderService;
import com.sundispatch.orders.internal.OrderView;
import com.sundispatch.orders.internal.PaymentService;
import com.sundispatch.orders.internal.PaymentService.PaymentView;
import com.sundispatch.orders.internal.RequestedInstallation;
import com.sundispatch.orders.web.OrderRequests.PlaceOrderRequest;
import com.sundispatch.orders.web.OrderRequests.SandboxConfirmRequest;
import com.sundispatch.security.CurrentUser;
import com.sundispatch.shared.ApiException;
import com.sundispatch.shared.PageRequests;
import com.sundispatch.shared.PageResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Orders")
class OrderController {

    private final OrderService orders;
    private final PaymentService payments;

    OrderController(OrderService orders, PaymentService payments) {
        this.orders = orders;
        this.payments = payments;
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Order panels with installation; prices come from the catalog, stock is reserved; the "
            + "installation point is geocoded from the address (latitude/longitude: an optional map-pin correction "
            + "of at most a few km)")
    OrderView place(CurrentUser user, @Valid @RequestBody PlaceOrderRequest request) {
        var i = request.installation();
        if ((i.latitude() == null) != (i.longitude() == null)) {
            throw ApiException.validation("installation." + (i.latitude() == null ? "latitude" : "longitude"),
                    "send both latitude and longitude (a map-pin correction) or neither");
        }
        return orders.place(user.userId(),
                request.items().stream().map(it -> new OrderService.Requested(it.panelId(), it.quantity())).toList(),
                new RequestedInstallation(i.addressLine().trim(), i.city().trim(), i.postalCode().trim(), i.country(),
                        i.latitude(), i.longitude(), i.preferredStart(), i.preferredEnd()));
    }

    @GetMapping("/orders")
    @Operation(summary = "My orders, newest first")
    PageResponse<OrderView> list(CurrentUser user, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageResponse.of(orders.list(user.userId(),
                PageRequests.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("id")))), o -> o);
    }

    @GetMapping("/orders/{id}")
    @Operation(summary = "One of my orders with items, money, installation address, refunds and documents")
    OrderView get(CurrentUser user, @PathVariable @Size(max = 64) String id) {
        return orders.get(user.userId(), id);
    }

    @PostMapping("/orders/{id}/cancel")
    @Operation(summary = "Cancel before the installer starts; stock is released, a paid order is refunded")
    OrderView cancel(CurrentUser user, @PathVariable @Size(max = 64) String id) {
        return orders.cancel(user.userId(), id);
    }

    @PostMapping("/orders/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start paying an order with the payment provider (the sandbox: no money moves)")
    PaymentView pay(CurrentUser user, @PathVariable @Size(max = 64) String id) {
        return payments.start(user.userId(), id);
    }

    @GetMapping("/payments/{paymentId}")
    @Operation(summary = "One of my payments with what it pays for (items, installation fee, VAT, total)")
    PaymentView payment(CurrentUser user, @PathVariable @Size(max = 64) String paymentId) {
        return payments.get(user.userId(), paymentId);
    }

    @PostMapping("/payments/sandbox/{paymentId}/confirm")
    @Operation(summary = "The sandbox checkout: confirm (or decline) a test payment; the sandbox then sends "
            + "its signed webhook")
    ResponseEntity<PaymentView> confirmSandbox(CurrentUser user, @PathVariable @Size(max = 64) String paymentId,
            @Valid @RequestBody(required = false) SandboxConfirmRequest request) {
        boolean succeed = request == null || request.outcome() == null || request.outcome().equals("succeeded");
        return ResponseEntity.ok(payments.confirmSandbox(user.userId(), paymentId, succeed));
    }
}
