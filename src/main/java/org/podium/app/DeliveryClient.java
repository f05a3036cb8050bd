package org.podium.app;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;

/** A target's HTTP client: its timeout bounds the wait for a connection and for the answer alike. */
final class DeliveryClient implements HttpClientConfigurer {

    private final Duration timeout;

    DeliveryClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    @SuppressWarnings("deprecation") // per-request connect timeout: the pool's connection config is the component's
    public void configureHttpClient(HttpClientBuilder builder) {
        Timeout t = Timeout.ofMilliseconds(timeout.toMillis());
        builder.setDefaultRequestConfig(RequestConfig.custom()
                .setConnectTimeout(t)
                .setConnectionRequestTimeout(t)
                .setResponseTimeout(t)
                .setRedirectsEnabled(false)
                .build());
    }
}
