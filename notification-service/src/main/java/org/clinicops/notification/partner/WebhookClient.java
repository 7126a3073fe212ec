package org.clinicops.notification.partner;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends one webhook request to the very addresses {@link WebhookTargets} just admitted: the connection's own name
 * lookup answers with them, so a DNS answer that changes after the check (DNS rebinding) is never connected to, while
 * TLS still verifies the certificate against the URL's host name (TLS 1.2 or newer). Each request has a connection
 * of its own, so every attempt is checked afresh. No redirect is followed, nothing is retried, no cookie, compression
 * or proxy header is added, and no proxy is used unless {@code notification.partner.webhooks.proxy} names one (which
 * then resolves the host itself).
 */
@Component
class WebhookClient {

    /** The most of a response body read (and discarded) before the connection is closed. */
    private static final int MAX_BODY_READ = 64 * 1024;

    /** What the endpoint answered: its status and its Retry-After, if any. */
    record Answer(int status, String retryAfter) {
    }

    /** The request's deadline passed before the response status came. */
    static final class DeadlineExceeded extends InterruptedIOException {
        DeadlineExceeded() {
            super("no response status within the request timeout");
        }
    }

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpHost proxy;
    private final Lookup<TlsSocketStrategy> tls;

    WebhookClient(PartnerProperties properties) {
        PartnerProperties.Webhooks settings = properties.webhooks();
        this.connectTimeout = settings.connectTimeout();
        this.requestTimeout = settings.requestTimeout();
        URI proxy = settings.proxy();
        this.proxy = proxy == null ? null : new HttpHost(proxy.getScheme(), proxy.getHost(), proxy.getPort());
        this.tls = RegistryBuilder.<TlsSocketStrategy>create()
                .register("https", ClientTlsStrategyBuilder.create().setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                        .buildClassic())
                .build();
    }

    /**
     * POSTs {@code body} with exactly {@code headers} to {@code url}, connecting only to {@code admitted}, the
     * addresses of its host that were checked for this attempt.
     */
    Answer post(URI url, List<InetAddress> admitted, Map<String, String> headers, byte[] body) throws IOException {
        String host = WebhookTargets.host(url);
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                // the proxy's own name, when one is configured, is looked up as usual
                return name.equalsIgnoreCase(host) ? admitted.toArray(InetAddress[]::new)
                        : SystemDefaultDnsResolver.INSTANCE.resolve(name);
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, checked, tls, ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(requestTimeout))
                .build());
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(requestTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .disableConnectionState()
                .disableDefaultUserAgent();
        if (proxy != null) {
            client.setProxy(proxy);
        }
        HttpPost request = new HttpPost(url);
        headers.forEach(request::setHeader);
        request.setEntity(new ByteArrayEntity(body, null));
        AtomicBoolean overdue = new AtomicBoolean();
        // the socket timeout bounds each wait; this bounds the whole request, as the contract's timeout says
        CompletableFuture.delayedExecutor(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            overdue.set(true);
            request.cancel();
        });
        try (CloseableHttpClient http = client.build();
             ClassicHttpResponse response = http.executeOpen(null, request, null)) {
            Header retryAfter = response.getFirstHeader("retry-after");
            discardBody(response.getEntity());
            return new Answer(response.getCode(), retryAfter == null ? null : retryAfter.getValue());
        } catch (IOException e) {
            if (overdue.get()) {
                throw new DeadlineExceeded();
            }
            throw e;
        }
    }

    private static void discardBody(HttpEntity entity) throws IOException {
        if (entity == null) {
            return;
        }
        try (InputStream in = entity.getContent()) {
            in.readNBytes(MAX_BODY_READ);
        }
    }
}
