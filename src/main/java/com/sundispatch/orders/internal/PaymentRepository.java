package com.sundispatch.orders.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, String> {

    List<Payment> findByOrderIdAndStatus(String orderId, Payment.Status status);
}
