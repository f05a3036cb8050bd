package org.podium.poll;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which links and redirects a feed may follow: only http(s) on the feed's allowed hosts, only below
 * the feed's base folder, and nothing that could climb out of it or be read differently by a server —
 * {@code ..} segments in any spelling ({@code %2e%2e}, {@code .%2E}), encoded slashes and backslashes
 * ({@code %2f}, {@code %5c}), raw backslashes, double encoding ({@code %25}) and control characters.
 */
public final class LinkPolicy {
    private final URI base;
    private final String basePath;
    private final Set<String> allowedHosts;

    /**
     * @param base         the feed's base URL; links must stay inside its folder
     * @param allowedHosts lower-case host names
     */
    public LinkPolicy(URI base, Set<String> allowedHosts) {
        this.base = base;
        String p = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        this.basePath = p.substring(0, p.lastIndexOf('/') + 1);
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    public static LinkPolicy of(Feed feed) {
        return new LinkPolicy(feed.baseUrl(), feed.allowedHosts());
    }

    /**
     * Resolves {@code href} as found on the page at {@code page}.
     *
     * @throws Refused with the reason, for the log
     */
    public URI resolve(URI page, String href) throws Refused {
        if (href == null || href.isBlank()) throw new Refused("empty link");
        String h = href.strip();
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c == '\\') throw new Refused("backslash in link " + quote(href));
            if (Character.isISOControl(c)) throw new Refused("control character in link " + quote(href));
        }
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c")) throw new Refused("encoded slash or backslash in link " + quote(href));
        if (lower.contains("%25")) throw new Refused("double-encoded link " + quote(href));
        URI uri;
        try {
            // Portal pages write spaces in links as they are; everything else must already be a valid URI.
            uri = new URI(h.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new Refused("not a valid link " + quote(href) + ": " + e.getReason());
        }
        if (uri.getRawUserInfo() != null) throw new Refused("link with user information " + quote(href));
        String scheme = uri.getScheme();
        if (scheme != null && !scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw new Refused("not an http(s) link " + quote(href));
        }
        if (uri.getRawPath() != null) {
            for (String segment : uri.getRawPath().split("/", -1)) {
                String decoded = decode(segment);
                if (decoded.equals(".") || decoded.equals("..")) throw new Refused("dot segment in link " + quote(href));
            }
        }
        URI resolved = page.resolve(uri);
        return check(resolved, href);
    }

    /** Checks a redirect's target ({@code Location}, resolved against the request's URI). */
    public URI redirect(URI from, String location) throws Refused {
        return resolve(from, location);
    }

    /** Checks an absolute URI built by Podium itself (a page or an index URL). */
    public URI check(URI uri, String asWritten) throws Refused {
        if (!uri.isAbsolute() || uri.getHost() == null) throw new Refused("not an absolute link " + quote(asWritten));
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(host)) {
            throw new Refused("link to host " + host + ", which is not in allowedHosts " + allowedHosts + ": " + quote(asWritten));
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith(basePath)) {
            throw new Refused("link outside the feed's folder " + basePath + ": " + quote(asWritten));
        }
        return uri;
    }

    /** The decoded path segments of {@code uri} below the feed's folder. */
    public List<String> segmentsBelowBase(URI uri) {
        String path = uri.getRawPath();
        List<String> out = new ArrayList<>();
        if (path == null || !path.startsWith(basePath)) return out;
        for (String s : path.substring(basePath.length()).split("/")) {
            if (!s.isEmpty()) out.add(decode(s));
        }
        return out;
    }

    public URI base() { return base; }

    /** Percent-decodes a path segment as UTF-8 ('+' stays '+': it is not a space in a path). */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && hex(segment.charAt(i + 1)) >= 0 && hex(segment.charAt(i + 2)) >= 0) {
                out.write(hex(segment.charAt(i + 1)) * 16 + hex(segment.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    private static String quote(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "…" : s;
        return "\"" + t + "\"";
    }
}
