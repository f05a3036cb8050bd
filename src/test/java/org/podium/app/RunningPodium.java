package org.podium.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Podium running on a home folder, as {@code podium run} runs it (the real Camel Main, the home's YAML
 * routes and rules), for code outside this package that drives it: benchmarks and load tests.
 */
public final class RunningPodium implements AutoCloseable {

    private final Home home;
    private final Engine engine;

    private RunningPodium(Home home, Engine engine) {
        this.home = home;
        this.engine = engine;
    }

    /** Prepares the home folder and starts; {@code overrides} replace settings of application.properties. */
    public static RunningPodium start(Path root, Map<String, String> overrides) throws Exception {
        Home home = new Home(root);
        home.prepare();
        Map<String, String> settings = new java.util.HashMap<>(overrides);
        settings.putIfAbsent(org.podium.poll.PollConfiguration.SCHEDULED, "true");
        Engine engine = new Engine(home, settings);
        engine.start();
        return new RunningPodium(home, engine);
    }

    public Home home() { return home; }

    public <T> T bean(String name, Class<T> type) { return engine.bean(name, type); }

    /** A setting as the running application resolved it. */
    public String setting(String key) {
        return engine.context().resolvePropertyPlaceholders("{{" + key + "}}");
    }

    /** Waits until nothing is left to take, in flight or to recompute; false when {@code max} passed first. */
    public boolean awaitIdle(Duration max) throws InterruptedException { return engine.awaitIdle(max); }

    @Override
    public void close() throws Exception { engine.close(); }
}
