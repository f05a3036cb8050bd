package org.podium.serve;

import org.apache.camel.http.base.HttpHeaderFilterStrategy;

/**
 * Camel's HTTP header filter, letting {@code Cache-Control} out: Camel drops it from responses by default (as
 * a hop header a proxying route should not pass on), and the outbox API sets it on purpose.
 */
public final class ResponseHeaders extends HttpHeaderFilterStrategy {
    public ResponseHeaders() {
        getOutFilter().remove("cache-control");
    }
}
