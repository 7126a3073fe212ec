package org.clinicops.support.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.clinicops.events.CloudEventHeaders;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The current trace as a W3C {@code traceparent}, for work that leaves the request or consumer thread in a table
 * rather than a call: an outbox event is sent later by the relay and carries this value as its Kafka header, where the
 * binder's observation on the consumer side continues the trace; a stored notification is delivered later by the
 * dispatcher, in a span of the trace it was stored in ({@link #inSpanOf}).
 */
public class TraceContext {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Empty outside a trace, or when tracing is switched off. */
    public Optional<String> currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(CloudEventHeaders.TRACEPARENT));
    }

    /** Runs {@code work} in a new span, a child of {@code traceparent}'s, or the root of a new trace when it is null. */
    public void inSpanOf(String traceparent, String name, Consumer<Span> work) {
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(CloudEventHeaders.TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(name).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            work.accept(span);
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
