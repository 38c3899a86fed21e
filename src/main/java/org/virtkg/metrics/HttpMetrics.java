package org.virtkg.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Request counts and latencies per route, exposed in the Prometheus text format at {@code /metrics}.
 *
 * <p>Routes are labelled by their template ({@code /api/technologies/{id}}), never by the raw path,
 * so the number of series stays bounded whatever clients send.
 */
public final class HttpMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    public void record(String method, String route, int status, long nanos) {
        Timer.builder("virtkg.http.requests")
                .description("HTTP requests handled, by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100),
                        Duration.ofMillis(500), Duration.ofSeconds(2))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The current values in Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }
}
