package org.clinicops.notification.partner;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WireMock partner that holds its answers to a closed path until the test opens it, counting the requests it holds
 * at once: a slow partner whose slowness the test decides, and a witness of how many requests were in flight to it.
 */
final class PartnerGate implements ResponseTransformerV2 {

    /** A held request gives up after this, so that a failing test cannot hang the suite. */
    private static final long MOST_SECONDS_HELD = 60;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    private static final class Lane {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger mostHeld = new AtomicInteger();
    }

    /** Requests to {@code path} are held from now on. */
    void close(String path) {
        lanes.put(path, new Lane());
    }

    void open(String path) {
        Lane lane = lanes.get(path);
        if (lane != null) {
            lane.open.countDown();
        }
    }

    void openAll() {
        lanes.values().forEach(lane -> lane.open.countDown());
    }

    /** The requests to {@code path} held now. */
    int held(String path) {
        Lane lane = lanes.get(path);
        return lane == null ? 0 : lane.held.get();
    }

    /** The most requests to {@code path} held at once while it was closed. */
    int mostHeld(String path) {
        Lane lane = lanes.get(path);
        return lane == null ? 0 : lane.mostHeld.get();
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
        Lane lane = lanes.get(event.getRequest().getUrl());
        // once open, requests pass uncounted: what is counted is what was in flight while the partner held them
        if (lane == null || lane.open.getCount() == 0) {
            return response;
        }
        lane.mostHeld.accumulateAndGet(lane.held.incrementAndGet(), Math::max);
        try {
            lane.open.await(MOST_SECONDS_HELD, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lane.held.decrementAndGet();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public String getName() {
        return "partner-gate";
    }
}
