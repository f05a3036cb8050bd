package org.podium.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.podium.app.RunningPodium;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.DeliveryState;
import org.podium.model.SessionResult;
import org.podium.model.SessionType;
import org.podium.support.AtomicFiles;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Deliveries, in a JVM of its own running Podium with its default settings on HOME and one webhook target
 * (a WireMock receiver on loopback answering 200) that wants every kind of document:
 * <ol>
 *   <li>a race that changes who leads an invitation is dropped again and again: the time from the notice
 *       file's writing in the outbox to its arrival at the receiver;</li>
 *   <li>the receiver is stopped, more such races are dropped (notices, standings, combined and results
 *       queue up), then the receiver is started again: the time until the queue is empty, and the rate at
 *       which it drained from the first document received after the outage.</li>
 * </ol>
 * Prints {@code RESULT …} lines.
 */
public final class DeliveryRun {

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]).toAbsolutePath();
        int drops = Integer.parseInt(args[1]);
        int outageDrops = Integer.parseInt(args[2]);
        Path staging = home.resolve("staging");
        SeasonGenerator notice = new SeasonGenerator(new SeasonGenerator.Spec(List.of(new SeasonGenerator.Series(
                RecomputeRun.NOTICE_SERIES, SeasonGenerator.Feed.PODIUM_JSON, List.of("2031"))), 2, 1, 0, 12, 5), Corpus.RULES);
        notice.writeRules(home.resolve("config/series"));
        notice.forEachFile(f -> { if (f.round() == 1) SeasonGenerator.write(staging.resolve(f.path()), f.bytes()); });
        Files.writeString(home.resolve("config/invitations.yaml"), RecomputeRun.INVITATIONS);
        Measure.copyTree(Path.of("routes"), home.resolve("routes"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) { port = s.getLocalPort(); }
        Files.writeString(home.resolve("config/deliveries.yaml"), """
                targets:
                  - id: bench
                    url: "http://127.0.0.1:%d/hook"
                    kinds: [notices, standings, combined, results]
                    secret: "a-benchmark-secret-of-length"
                    retry: { attempts: 100, firstDelay: 1s, multiplier: 2, maxDelay: 5s, jitter: 0.2 }
                """.formatted(port));
        Map<String, Instant> arrived = new ConcurrentHashMap<>();
        WireMockServer receiver = receiver(port, arrived);
        try (RunningPodium podium = RunningPodium.start(home, Map.of())) {
            DeliveryQueue queue = podium.bean("deliveryQueue", DeliveryQueue.class);
            Measure.drop(staging, podium.home().inbox());
            if (!podium.awaitIdle(Duration.ofMinutes(5))) throw new IllegalStateException("not idle in 5 minutes");
            awaitDrained(queue, Duration.ofMinutes(2));

            // 1. notice written → received
            SeasonGenerator.Series series = notice.spec().series().get(0);
            SeasonGenerator.GeneratedFile race = notice.file(series, "2031", 1, SessionType.RACE, 1);
            SessionResult original = org.podium.feed.CanonicalJson.read(race.bytes());
            Path notices = podium.home().outbox().resolve("notices/bench-invitation");
            List<Double> latencies = new ArrayList<>();
            for (int i = 1; i <= drops; i++) {
                AtomicFiles.write(podium.home().inbox().resolve(race.path()), org.podium.feed.CanonicalJson.write(RecomputeRun.newWinner(original, 1000 + i)));
                podium.awaitIdle(Duration.ofMinutes(1));
                awaitDrained(queue, Duration.ofMinutes(1));
            }
            try (var files = Files.list(notices)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    String event = "notices/bench-invitation/" + p.getFileName().toString().replace(".json", "") + "/1";
                    Instant received = arrived.get(event);
                    if (received == null) continue;
                    latencies.add(Duration.between(Files.getLastModifiedTime(p).toInstant(), received).toNanos() / 1e6);
                }
            }
            System.out.printf(Locale.ROOT, "RESULT kind=latency notices=%d p50Ms=%.0f p99Ms=%.0f maxMs=%.0f%n", latencies.size(),
                    Measure.percentile(latencies, 50), Measure.percentile(latencies, 99), Measure.percentile(latencies, 100));

            // 2. an outage, then the backlog drains
            receiver.stop();
            for (int i = 1; i <= outageDrops; i++) {
                AtomicFiles.write(podium.home().inbox().resolve(race.path()), org.podium.feed.CanonicalJson.write(RecomputeRun.newWinner(original, 2000 + i)));
                podium.awaitIdle(Duration.ofMinutes(1));
            }
            long backlog = queue.counts().stream().filter(c -> c.state() == DeliveryState.PENDING).mapToLong(DeliveryQueue.Count::count).sum();
            arrived.clear();
            Instant back = Instant.now();
            receiver = receiver(port, arrived);
            awaitDrained(queue, Duration.ofMinutes(10));
            Instant drained = Instant.now();
            Instant first = arrived.values().stream().min(Instant::compareTo).orElse(back);
            Instant last = arrived.values().stream().max(Instant::compareTo).orElse(drained);
            double seconds = Duration.between(first, last).toNanos() / 1e9;
            System.out.printf(Locale.ROOT, "RESULT kind=drain backlog=%d drainedSeconds=%.1f firstAfterSeconds=%.1f rate=%.0f%n", backlog,
                    Duration.between(back, drained).toNanos() / 1e9, Duration.between(back, first).toNanos() / 1e9,
                    seconds > 0 ? arrived.size() / seconds : Double.NaN);
        } finally {
            receiver.stop();
        }
    }

    static WireMockServer receiver(int port, Map<String, Instant> arrived) {
        WireMockServer server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").port(port));
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        server.addMockServiceRequestListener((request, response) ->
                arrived.putIfAbsent(request.getHeader("X-Podium-Event"), Instant.now()));
        server.start();
        return server;
    }

    static void awaitDrained(DeliveryQueue queue, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!queue.counts().isEmpty()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("deliveries not drained in " + max + ": " + queue.counts());
            Thread.sleep(20);
        }
    }
}
