package org.podium.poll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The feeds of {@code config/feeds.yaml}, in file order. */
public final class Feeds {
    private final Map<String, Feed> byId = new LinkedHashMap<>();

    public Feeds(List<Feed> feeds) {
        for (Feed f : feeds) {
            if (byId.putIfAbsent(f.id(), f) != null) throw new IllegalArgumentException("feed id " + f.id() + " given twice");
        }
    }

    public static Feeds none() { return new Feeds(List.of()); }

    public List<Feed> all() { return List.copyOf(byId.values()); }

    /** The feeds that are polled. */
    public List<Feed> enabled() { return byId.values().stream().filter(Feed::enabled).toList(); }

    public Optional<Feed> get(String id) { return Optional.ofNullable(byId.get(id)); }

    public Feed require(String id) {
        Feed f = byId.get(id);
        if (f == null) throw new IllegalArgumentException("no feed \"" + id + "\" in config/feeds.yaml; the feeds are " + byId.keySet());
        return f;
    }
}
