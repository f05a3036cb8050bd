package org.podium.delivery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order rule. A target receives the deliveries of one chain one after the other, in the order they
 * were queued: the notices of one invitation (its folder {@code notices/<invitation>/}) in the order they
 * were issued, the versions of any other document (its path) in version order. A delivery waits while an
 * earlier one of its chain is pending, and stays held behind an earlier one that became a dead letter
 * until that one is queued again ({@code podium deliveries --resend}); other chains go on meanwhile.
 */
public final class Chains {
    private Chains() {}

    /** The chain of a document: a notice's invitation folder, else the document's own path. */
    public static String of(String ledgerKind, String path) {
        if (DocumentKind.NOTICES.ledgerKind().equals(ledgerKind)) {
            int slash = path.lastIndexOf('/');
            return slash < 0 ? path : path.substring(0, slash + 1);
        }
        return path;
    }

    /** {@code <kind>/<id>/<version>}: the path without {@code .json}, then the version. */
    public static String eventId(String path, int version) {
        String id = path.endsWith(".json") ? path.substring(0, path.length() - ".json".length()) : path;
        return id + "/" + version;
    }

    /**
     * The deliveries that may be sent now, in sending order.
     *
     * @param pending     a target's pending deliveries, ordered by chain and then by queue order (id)
     * @param deadChains  the chains with a dead letter: nothing of them is sent
     * @param max         at most this many
     */
    public static List<Delivery> sendable(List<Delivery> pending, Set<String> deadChains, java.time.Instant now, int max) {
        Map<String, List<Delivery>> byChain = new LinkedHashMap<>();
        for (Delivery d : pending) byChain.computeIfAbsent(d.chain(), c -> new ArrayList<>()).add(d);
        List<Delivery> out = new ArrayList<>();
        for (Map.Entry<String, List<Delivery>> chain : byChain.entrySet()) {
            if (deadChains.contains(chain.getKey())) continue;
            for (Delivery d : chain.getValue()) {
                // the first one that cannot go now holds back the rest of its chain
                if (d.state() != DeliveryState.PENDING || !d.due(now) || d.leased(now) || out.size() >= max) break;
                out.add(d);
            }
        }
        out.sort(java.util.Comparator.comparingLong(Delivery::id));
        return out;
    }
}
