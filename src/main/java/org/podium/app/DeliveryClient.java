package org.podium.app;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/** A target's HTTP client: its timeout bounds the wait for a connection and for the answer alike; it never repeats a request itself. */
final class DeliveryClient implements HttpClientConfigurer {

    private final Duration timeout;

    DeliveryClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    @SuppressWarnings("deprecation") // per-request connect timeout: the pool's connection config is the component's
    public void configureHttpClient(HttpClientBuilder builder) {
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        // the queue decides when to try again, and counts every attempt: none behind its back (the client's
        // own strategy repeats a request answered 503 or 429 once, a second later)
        builder.disableAutomaticRetries();
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(t)
                .setConnectionRequestTimeout(t)
                .setResponseTimeout(t)
                .setRedirectsEnabled(false)
                .build());
    }
}
