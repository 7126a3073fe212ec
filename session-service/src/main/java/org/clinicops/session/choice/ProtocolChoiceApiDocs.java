package org.clinicops.session.choice;

import org.clinicops.support.apidocs.RequestBodyDoc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The prescriber's protocol choice in the API document, its schema taken from its reader's checks. */
@Configuration(proxyBeanMethods = false)
class ProtocolChoiceApiDocs {

    @Bean
    RequestBodyDoc protocolChoiceBody() {
        return new RequestBodyDoc("ProtocolChoice", ProtocolChoices::protocol, """
                {"protocol": "ESKETAMINE_NASAL"}""");
    }
}
