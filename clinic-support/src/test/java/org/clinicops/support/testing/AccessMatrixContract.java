package org.clinicops.support.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import javax.sql.DataSource;
import java.util.List;
import java.util.stream.Stream;

/**
 * A service holds its rows of the access matrix itself, for a caller that bypasses the gateway: every route it
 * serves has a row, each role gets the row's answer, any token but a valid one of the issuer is a 401, and each
 * request to an audited row, allowed, refused or hidden, writes exactly one audit record. A service's {@code AccessMatrixTests} extends this with its test configuration and says how it is reached.
 */
public abstract class AccessMatrixContract {

    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Autowired
    DataSource dataSource;

    @Value("${spring.application.name}")
    String service;

    /** The service's rows ({@link AccessMatrixProbe#ofService}), sent as a caller reaches it. */
    protected abstract AccessMatrixProbe probe();

    @Test
    public void everyRouteTheServiceServesHasARowInTheMatrix() {
        AccessMatrixProbe.assertEveryRouteHasARow(mappings);
    }

    @TestFactory
    public Stream<DynamicTest> eachRoleGetsExactlyTheMatrixAnswer_decidedBeforeAnyLookup() {
        return probe().everyCell();
    }

    @TestFactory
    public Stream<DynamicTest> anExpiredForeignHs256UnsignedOrMisaddressedTokenIs401() {
        return probe().everyBadTokenIsRefused();
    }

    @TestFactory
    public Stream<DynamicTest> eachAuditedRequestWritesExactlyOneRecord_allowedRefusedOrHidden() {
        return probe().everyAuditedRequestIsRecordedOnce(service, AuditRecords.in(dataSource)::byCorrelationId);
    }
}
