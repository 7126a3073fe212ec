package org.clinicops.events;

/**
 * Kafka record headers of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the attributes travel as
 * UTF-8 headers and the record value is the JSON event itself.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Extension attribute: the correlation id of the request that caused the event. */
    public static final String CORRELATION_ID = "ce_correlationid";
    public static final String CONTENT_TYPE = "content-type";
    /**
     * W3C Trace Context beside the CloudEvents attributes: the trace of the transaction that stored the event, which its
     * consumers continue. Absent when that transaction ran outside a trace.
     */
    public static final String TRACEPARENT = "traceparent";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }
}
