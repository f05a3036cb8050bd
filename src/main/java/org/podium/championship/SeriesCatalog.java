package org.podium.championship;

import org.podium.support.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Every series Podium knows: the rules files in one folder, by series id. */
public final class SeriesCatalog {
    private final Map<String, SeriesRules> byId;

    public SeriesCatalog(Collection<SeriesRules> rules) {
        Map<String, SeriesRules> m = new LinkedHashMap<>();
        for (SeriesRules r : rules) {
            if (m.putIfAbsent(r.id(), r) != null) throw new IllegalArgumentException("series " + r.id() + " given twice");
        }
        this.byId = Collections.unmodifiableMap(m);
    }

    /** Loads every {@code *.yaml} in {@code dir}, in file-name order; any bad file fails the whole load. */
    public static SeriesCatalog load(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list series rules in " + dir + ": " + e.getMessage(), e);
        }
        Map<String, SeriesRules> m = new LinkedHashMap<>();
        Map<String, Path> from = new LinkedHashMap<>();
        for (Path f : files) {
            SeriesRules r = SeriesRules.load(f);
            Path other = from.putIfAbsent(r.id(), f);
            if (other != null) {
                throw new ConfigException(f.toString(), "id", "series id \"" + r.id() + "\" is also used by " + other);
            }
            m.put(r.id(), r);
        }
        return new SeriesCatalog(m.values());
    }

    public Optional<SeriesRules> get(String id) { return Optional.ofNullable(byId.get(id)); }

    public Set<String> ids() { return byId.keySet(); }

    public Collection<SeriesRules> all() { return byId.values(); }
}
