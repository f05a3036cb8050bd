package org.podium.feed;

import java.util.List;

/**
 * A file's metadata lacks required fields: neither its path, its sidecar nor the caller gives them.
 * The problems also list whatever else is wrong with the metadata (an unknown series…).
 */
public final class MetadataMissing extends FeedException {
    private final List<String> fields;

    MetadataMissing(List<Problem> problems, String hint, List<String> fields) {
        super(problems, hint);
        this.fields = List.copyOf(fields);
    }

    /** The fields missing, as a sidecar names them: series, season, round, event, session, sessionType. */
    public List<String> fields() { return fields; }

    @Override
    public MetadataMissing inDocument(String name) {
        return new MetadataMissing(this, name);
    }

    private MetadataMissing(MetadataMissing m, String name) {
        super(name, m.problems(), m.unlistedProblems(), m.hint());
        this.fields = m.fields;
    }
}
