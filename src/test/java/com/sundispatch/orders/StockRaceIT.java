package com.sundispatch.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.sundispatch.support.Api;
import com.sundispatch.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Forty buyers, ten panels: exactly ten orders succeed, thirty are told 409 out_of_stock, stock ends at 0. */
class StockRaceIT extends IntegrationTest {

    @Test
    void fortyConcurrentSinglePanelOrdersOnStockTenGiveExactlyTenSuccesses() throws Exception {
        String panel = createPanel(10, "120.00");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            customers.add(login(registerVerifiedCustomer(), PASSWORD).access());
        }
        ExecutorService pool = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String access = customers.get(i % customers.size());
            results.add(pool.submit(() -> {
                start.await();
                return placeOrder(access, panel, 1);
            }));
        }
        start.countDown();
        int created = 0;
        int outOfStock = 0;
        for (Future<Api.Response> f : results) {
            Api.Response r = f.get();
            if (r.status() == 201) {
                created++;
            } else if (r.status() == 409 && r.code().equals("out_of_stock")) {
                outOfStock++;
            } else {
                throw new AssertionError("Unexpected answer: " + r);
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(10);
        assertThat(outOfStock).isEqualTo(30);
        assertThat(stockOf(panel)).isZero();
    }
}
