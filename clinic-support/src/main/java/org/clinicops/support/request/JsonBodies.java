package org.clinicops.support.request;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Reads a request body as a JSON tree, for {@link JsonFields} to check. A body that is missing, is not JSON, is not
 * a JSON object, or repeats a member name (which of two PHQ-9 lists would count?) is a 400, answered by the shared
 * problem handler. Controllers take the raw bytes and call this themselves, so that a path id can be checked (404)
 * before the body is looked at. Fractions are read as the decimals written ({@code 35.05} stays 35.05, never the
 * nearest binary double), because doses are computed from them (CLINICAL D-4).
 */
public class JsonBodies {

    private final ObjectReader reader;

    public JsonBodies(JsonMapper json) {
        this.reader = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public JsonNode readObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw unreadable("The request body is missing.", null);
        }
        JsonNode tree;
        try {
            tree = reader.readTree(body);
        } catch (JacksonException e) {
            throw unreadable("The request body is not valid JSON.", e);
        }
        if (tree == null || !tree.isObject()) {
            throw unreadable("The request body must be a JSON object.", null);
        }
        return tree;
    }

    private static HttpMessageNotReadableException unreadable(String message, Throwable cause) {
        return new HttpMessageNotReadableException(message, cause, new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(new byte[0]);
            }

            @Override
            public HttpHeaders getHeaders() {
                return HttpHeaders.EMPTY;
            }
        });
    }
}
