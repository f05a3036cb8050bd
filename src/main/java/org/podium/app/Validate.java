package org.podium.app;

import org.podium.feed.FeedException;
import org.podium.feed.FeedReader;
import org.podium.model.Entry;
import org.podium.model.SessionResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** {@code validate FILE…}: says what each file is, or what is wrong with it. Stores nothing. */
final class Validate {

    private final Home home;
    private final PrintStream out;

    Validate(Home home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    int run(java.util.List<String> files) {
        Path config = Files.isDirectory(home.config()) ? home.config() : null;
        java.util.Set<String> series = config != null ? SeriesIds.in(config) : bundledSeries();
        FeedReader reader = new FeedReader(series, 20L * 1024 * 1024);
        int bad = 0;
        for (String f : files) {
            Path path = Path.of(f);
            try {
                byte[] raw = Files.readAllBytes(path);
                Path sidecar = path.resolveSibling(path.getFileName() + ".meta.json");
                SessionResult r = reader.read(raw, metadataPath(path),
                        Files.isRegularFile(sidecar) ? Files.readAllBytes(sidecar) : null);
                out.println(f + ": OK");
                describe(r);
            } catch (FeedException e) {
                bad++;
                out.println(f + ": REJECTED: " + e.getMessage());
                for (org.podium.feed.Problem p : e.problems()) out.println("  " + p);
                if (e.unlistedProblems() > 0) out.println("  … and " + e.unlistedProblems() + " more problems, not listed");
                if (e.hint() != null) out.println("  what to do: " + e.hint());
            } catch (IOException e) {
                bad++;
                out.println(f + ": cannot read: " + e.getMessage());
            }
        }
        out.printf("%d file(s): %d valid, %d rejected%n", files.size(), files.size() - bad, bad);
        return bad == 0 ? Commands.OK : Commands.REJECTED;
    }

    private void describe(SessionResult r) {
        out.printf("  format:   %s (SHA-256 %s)%n", r.source().format(), r.source().sha256());
        out.printf("  series:   %s, season %s, round %d %s%n", r.series(), r.season(), r.event().round(), r.event().name());
        out.printf("  session:  %s (%s%s), %s%n", r.session().name(), r.session().type(),
                r.session().hour() == null ? "" : ", hour " + r.session().hour(), r.status());
        Map<String, Integer> byClass = new TreeMap<>();
        for (Entry e : r.entries()) {
            String k = e.carClass() != null ? e.carClass() : e.cup() != null ? e.cup() : "-";
            byClass.merge(k, 1, Integer::sum);
        }
        long classified = r.entries().stream().filter(e -> e.status().classified()).count();
        out.printf("  entries:  %d (%d classified), by class/cup %s%n", r.entries().size(), classified, byClass);
        if (!r.entries().isEmpty()) {
            Entry first = r.entries().get(0);
            out.printf("  first:    #%s %s, %s%n", first.number(), first.team(),
                    first.drivers().stream().map(d -> d.fullName()).toList());
        }
    }

    /** The path the metadata is read from: relative to the inbox when the file is in it. */
    private String metadataPath(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path inbox = home.inbox().toAbsolutePath().normalize();
        if (abs.startsWith(inbox)) return inbox.relativize(abs).toString().replace('\\', '/');
        // Outside the inbox, the last five path elements may still follow the inbox layout.
        int n = abs.getNameCount();
        return abs.subpath(Math.max(0, n - 5), n).toString().replace('\\', '/');
    }

    private static java.util.Set<String> bundledSeries() {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("podium-config");
            Bundled.copyTree("podium/config", tmp, true);
            return SeriesIds.in(tmp);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the bundled configuration: " + e.getMessage(), e);
        } finally {
            if (tmp != null) Demo.deleteTree(tmp);
        }
    }
}
