package org.podium.poll;

/** The HTTP validators remembered for a URL, sent back as {@code If-None-Match} and {@code If-Modified-Since}. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public boolean any() { return etag != null || lastModified != null; }
}
