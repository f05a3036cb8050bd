package org.podium.app;

import org.podium.support.AtomicFiles;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.component.resilience4j.ResilienceProcessor;
import org.apache.camel.PropertyInject;
import org.apache.camel.BeanInject;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.IdempotentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.support.service.ServiceSupport;
import org.podium.championship.SeriesCatalog;
import org.podium.recompute.Classifier;
import org.podium.recompute.Recompute;
import org.podium.recompute.SeasonChanges;
import org.podium.combined.Aliases;
import org.podium.invitation.Invitations;
import org.podium.outbox.NoticeDesk;
import org.podium.poll.FeedStatus;
import org.podium.poll.Feeds;
import org.podium.store.NoticeLedger;
import org.podium.store.PublicationLock;
import org.podium.ingest.InboxLockRepository;
import org.podium.feed.FeedReader;
import org.podium.ingest.InboxFilter;
import org.podium.ingest.IngestStats;
import org.podium.ingest.Ingestion;
import org.podium.ingest.Rejections;
import org.podium.outbox.Outbox;
import org.podium.outbox.Publisher;
import org.podium.outbox.ReportInputs;
import org.podium.outbox.ReportWriter;
import org.podium.poll.FetchOutcome;
import org.podium.store.Database;
import org.podium.delivery.DeliveriesFile;
import org.podium.delivery.DeliveryQueue;
import org.podium.delivery.Target;
import org.podium.delivery.Targets;
import org.podium.store.ResultStore;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;

/**
 * The beans the routes call, built from {@code application.properties}. Beans are lazy so that each is
 * built when first needed, after the ones it takes.
 */
public class PodiumConfiguration implements CamelConfiguration {

    private CamelContext context;

    @BindToRegistry(value = "clock", lazy = true)
    public Clock clock() { return Clock.systemUTC(); }

    @BindToRegistry(value = "database", lazy = true)
    public Database database(@PropertyInject("podium.db.url") String url,
                             @PropertyInject(value = "podium.db.user", defaultValue = "") String user,
                             @PropertyInject(value = "podium.db.password", defaultValue = "") String password,
                             @PropertyInject("podium.db.pool-size") int poolSize) {
        Database db;
        try {
            db = new Database(url, user, password, poolSize);
        } catch (RuntimeException e) {
            throw new ConfigurationException("podium.db.url: cannot open the store at "
                    + url.replaceAll("password=[^&;]*", "password=***") + ": " + e.getMessage(), e);
        }
        db.migrate();
        return db;
    }

    /**
     * The inbox read lock (see routes/2-ingest.yaml). A shared store keeps it in its lock table, which
     * every instance on that store shares. An embedded store is this process's alone (H2 locks its file),
     * so no other instance can share its inbox locks either: they are kept in memory, where taking and
     * releasing one costs no commit, and a killed run leaves none behind.
     */
    @BindToRegistry(value = "inboxLocks", lazy = true)
    public IdempotentRepository inboxLocks(@BeanInject("database") Database db,
                                           @PropertyInject("podium.inbox.lock-keep-alive") long keepAlive,
                                           @PropertyInject("podium.inbox.lock-max-age") long maxAge) {
        return InboxLockRepository.forStore(db, keepAlive, maxAge);
    }

    /** One recompute-and-publish at a time across instances. */
    @BindToRegistry(value = "publicationLock", lazy = true)
    public PublicationLock publicationLock(@BeanInject("database") Database db) {
        return new PublicationLock(db);
    }

    @BindToRegistry(value = "resultStore", lazy = true)
    public ResultStore resultStore(@BeanInject("database") Database db, @BeanInject("clock") Clock clock) {
        return new ResultStore(db.dataSource(), clock);
    }

    @BindToRegistry(value = "feedReader", lazy = true)
    public FeedReader feedReader(@BeanInject("seriesCatalog") SeriesCatalog catalog,
                                 @PropertyInject("podium.inbox.max-file-size") long maxBytes) {
        return new FeedReader(catalog.ids(), maxBytes);
    }

    @BindToRegistry(value = "ingestStats", lazy = true)
    public IngestStats ingestStats() { return new IngestStats(); }

    @BindToRegistry(value = "seasonChanges", lazy = true)
    public SeasonChanges seasonChanges(@PropertyInject("podium.recompute.quiet-period") long quietMs,
                                       @PropertyInject("podium.recompute.max-delay") long maxDelayMs) {
        return new SeasonChanges(Duration.ofMillis(quietMs), Duration.ofMillis(maxDelayMs), System::nanoTime);
    }

    @BindToRegistry(value = "ingestion", lazy = true)
    public Ingestion ingestion(@BeanInject("feedReader") FeedReader reader, @BeanInject("resultStore") ResultStore store,
                               @BeanInject("ingestStats") IngestStats stats,
                               @PropertyInject("podium.inbox") String inbox,
                               @PropertyInject("podium.inbox.max-file-size") long maxBytes,
                               @BeanInject("seriesCatalog") SeriesCatalog catalog) {
        return new Ingestion(reader, new org.podium.championship.CalendarCheck(catalog), store, Path.of(inbox), maxBytes,
                stats);
    }

    /** Keeps the inbox route out of linked folders, and each scan of a large backlog to a few hundred files. */
    @BindToRegistry(value = "inboxFilter", lazy = true)
    public InboxFilter inboxFilter(@PropertyInject("podium.inbox.max-files-per-poll") int maxFilesPerPoll) {
        return new InboxFilter(maxFilesPerPoll);
    }

    @BindToRegistry(value = "inboxScan", lazy = true)
    public org.podium.ingest.InboxScan inboxScan(@BeanInject("inboxFilter") InboxFilter filter) {
        return new org.podium.ingest.InboxScan(filter);
    }

    @BindToRegistry(value = "rejections", lazy = true)
    public Rejections rejections(@PropertyInject("podium.inbox") String inbox, @BeanInject("clock") Clock clock,
                                 @BeanInject("ingestStats") IngestStats stats) {
        return new Rejections(Path.of(inbox), clock, stats);
    }

    @BindToRegistry(value = "outbox", lazy = true)
    public Outbox outbox(@PropertyInject("podium.outbox") String dir, @BeanInject("database") Database db,
                         @BeanInject("clock") Clock clock) {
        // what a killed process was writing when it died; an hour old, so no live writer's
        int swept = org.podium.support.AtomicFiles.sweepTemporaries(Path.of(dir), java.time.Duration.ofHours(1));
        if (swept > 0) LoggerFactory.getLogger("podium.publish").info("outbox: removed {} temporary file(s) left by an interrupted run", swept);
        // each document version is queued for the webhook targets that want it, with the ledger's row
        Targets targets = targets(camelContext());
        Outbox.Recorded deliveries = (c, path, kind, version, bytes) -> {
            for (Target t : targets.wanting(kind)) DeliveryQueue.enqueue(c, t, path, kind, version, bytes.get(), clock.instant());
        };
        return new Outbox(Path.of(dir), db.dataSource(), clock, deliveries);
    }

    private CamelContext camelContext() { return context; }

    /** The targets of config/deliveries.yaml, read and checked at start-up ({@link #configure}). */
    static Targets targets(CamelContext camelContext) {
        Targets t = camelContext.getRegistry().lookupByNameAndType(TARGETS, Targets.class);
        return t == null ? Targets.none() : t;
    }

    static final String TARGETS = "deliveryTargets";

    @BindToRegistry(value = "deliveryQueue", lazy = true)
    public DeliveryQueue deliveryQueue(@BeanInject("database") Database db, @BeanInject("clock") Clock clock) {
        DeliveryQueue queue = new DeliveryQueue(db.dataSource(), clock, java.util.concurrent.ThreadLocalRandom.current()::nextDouble);
        // an embedded store is this process's alone: a lease in it was left by a run that was killed
        if (db.isExclusive()) {
            int cleared = queue.clearLeases();
            if (cleared > 0) LoggerFactory.getLogger("podium.deliver").info("{} delivery lease(s) of an interrupted run cleared: sent again", cleared);
        }
        return queue;
    }

    /** What routes/5-deliver.yaml calls for each target. */
    @BindToRegistry(value = "webhooks", lazy = true)
    public Webhooks webhooks(@BeanInject("deliveryQueue") DeliveryQueue queue, @BeanInject("clock") Clock clock,
                             @BeanInject(PodiumMeters.BEAN) PodiumMeters meters,
                             @PropertyInject("podium.deliver.batch") int batch) {
        Webhooks webhooks = new Webhooks(queue, targets(camelContext()), clock, meters, batch);
        // the report's deliveries section follows the queues
        webhooks.onChanged(() -> camelContext().getRegistry().lookupByNameAndType("reportWriter", ReportWriter.class).stale());
        return webhooks;
    }

    /** The outbox as a mirror feed writes into it (routes/1-poll.yaml's polls never see the rest of it). */
    @BindToRegistry(value = "mirrorTarget", lazy = true)
    public org.podium.poll.MirrorTarget mirrorTarget(@BeanInject("outbox") Outbox outbox) {
        return asMirrorTarget(outbox);
    }

    public static org.podium.poll.MirrorTarget asMirrorTarget(Outbox outbox) {
        return new org.podium.poll.MirrorTarget() {
            @Override public boolean holds(String path, String sha256) { return outbox.holds(path, sha256); }
            @Override public void mirror(String path, String kind, int version, java.time.Instant updated, byte[] bytes) {
                outbox.mirror(path, kind, version, updated, bytes);
            }
            @Override public void writeIndex() { outbox.writeIndex(); }
        };
    }

    /** The outbox over HTTP (routes/6-serve.yaml), served by run only. */
    @BindToRegistry(value = "outboxApi", lazy = true)
    public org.podium.serve.OutboxApi outboxApi(@BeanInject("outbox") Outbox outbox,
                                                @PropertyInject(value = "podium.serve.token", defaultValue = "") String token) {
        org.podium.serve.BearerToken bearer = new org.podium.serve.BearerToken(token);
        return new org.podium.serve.OutboxApi(new org.podium.serve.OutboxDocuments(outbox, bearer.required()), bearer);
    }

    /** The outbox API's response headers: Camel's HTTP filter, with Cache-Control let out. */
    @BindToRegistry(value = "serveHeaders", lazy = true)
    public org.podium.serve.ResponseHeaders serveHeaders() { return new org.podium.serve.ResponseHeaders(); }

    @BindToRegistry(value = "noticeDesk", lazy = true)
    public NoticeDesk noticeDesk(@BeanInject("database") Database db, @BeanInject("outbox") Outbox outbox,
                                 @BeanInject("clock") Clock clock, @BeanInject(PodiumMeters.BEAN) PodiumMeters meters) {
        return new NoticeDesk(new NoticeLedger(db.dataSource(), clock), outbox, clock, n -> meters.noticePublished(n.state()));
    }

    @BindToRegistry(value = "publisher", lazy = true)
    public Publisher publisher(@BeanInject("outbox") Outbox outbox, @BeanInject("noticeDesk") NoticeDesk notices,
                               @BeanInject("seasonChanges") SeasonChanges changes,
                               @PropertyInject("podium.outbox.index-max-delay") long indexMaxDelayMs) {
        return new Publisher(outbox, notices).deferIndexWhile(() -> changes.pendingCount() > 0, indexMaxDelayMs);
    }

    /**
     * The human-readable report, rewritten from the outbox after every publish; its feeds section is the
     * feeds' state as the health check reads it (status and circuit breaker), and a poll makes it stale.
     */
    @BindToRegistry(value = "reportWriter", lazy = true)
    public ReportWriter reportWriter(CamelContext camelContext, @BeanInject("outbox") Outbox outbox,
                                     @PropertyInject("podium.inbox") String inbox, @BeanInject("clock") Clock clock,
                                     @BeanInject("feedStatus") FeedStatus feeds,
                                     @BeanInject("seasonChanges") SeasonChanges changes,
                                     @BeanInject("inboxScan") org.podium.ingest.InboxScan inboxScan,
                                     @BeanInject("publicationLock") PublicationLock publishing,
                                     @PropertyInject("podium.report.max-wait") long maxWaitMs) {
        ReportWriter writer = new ReportWriter(outbox, Path.of(inbox), clock, () -> reportFeeds(camelContext),
                () -> reportDeliveries(camelContext))
                // Seasons waiting to be recomputed or being published, or files being taken from the inbox: a
                // backfill is under way and will publish again soon.
                .deferWhile(() -> changes.pendingCount() > 0 || publishing.publishing() || inboxScan.takingFiles(), maxWaitMs);
        feeds.onChanged(writer::stale);
        return writer;
    }

    /** Each configured feed as the report shows it: what its polls left in {@code feedStatus}, and its breaker. */
    static List<ReportInputs.Feed> reportFeeds(CamelContext camelContext) {
        Feeds configured = camelContext.getRegistry().lookupByNameAndType("feeds", Feeds.class);
        FeedStatus status = camelContext.getRegistry().lookupByNameAndType("feedStatus", FeedStatus.class);
        if (configured == null) return List.of();
        List<ReportInputs.Feed> out = new ArrayList<>();
        for (org.podium.poll.Feed f : configured.all()) {
            FeedStatus.State s = status == null ? null : status.of(f.id()).orElse(null);
            String breaker = f.enabled() ? breakerState(camelContext, f.id()) : null;
            if (s == null) {
                out.add(new ReportInputs.Feed(f.id(), f.series(), f.kind().id(), f.enabled(), null, null, null, false, null,
                        null, null, 0, null, breaker));
                continue;
            }
            String outcome = s.lastPollAt() == null || s.lastCounts().isEmpty() ? null : counts(s.lastCounts());
            out.add(new ReportInputs.Feed(f.id(), f.series(), f.kind().id(), f.enabled(), s.lastPollAt(), s.lastSuccessAt(),
                    outcome, f.enabled() && FeedsHealthCheck.failing(s), s.lastError(), s.lastErrorAt(), s.failingSince(),
                    s.consecutiveFailures(), s.nextFireAt(), breaker));
        }
        return out;
    }

    /** Each webhook target as the report shows it: its queue in the store, the first dead letters, its breaker. */
    static List<ReportInputs.Target> reportDeliveries(CamelContext camelContext) {
        Targets targets = targets(camelContext);
        if (targets.all().isEmpty()) return List.of();
        DeliveryQueue queue = camelContext.getRegistry().lookupByNameAndType("deliveryQueue", DeliveryQueue.class);
        List<DeliveryQueue.Count> counts = queue.counts();
        List<org.podium.delivery.Delivery> undelivered = queue.undelivered();
        List<ReportInputs.Target> out = new ArrayList<>();
        for (Target t : targets.all()) {
            long pending = 0;
            long dead = 0;
            java.time.Instant oldest = null;
            for (DeliveryQueue.Count c : counts) {
                if (!c.targetId().equals(t.id())) continue;
                if (c.state() == org.podium.delivery.DeliveryState.DEAD) dead = c.count();
                else {
                    pending = c.count();
                    oldest = c.oldest();
                }
            }
            List<ReportInputs.DeadLetter> letters = undelivered.stream()
                    .filter(d -> d.targetId().equals(t.id()) && d.state() == org.podium.delivery.DeliveryState.DEAD).limit(20)
                    .map(d -> new ReportInputs.DeadLetter(d.eventId(), d.attempts(), d.lastError(), d.lastAttemptAt())).toList();
            out.add(new ReportInputs.Target(t.id(), t.url().toString(),
                    t.kinds().stream().map(org.podium.delivery.DocumentKind::id).toList(), pending, oldest, dead, letters,
                    routeBreakerState(camelContext, "deliver-" + t.id())));
        }
        return out;
    }

    /** A poll's documents per outcome, those with none left out: "1 fetched, 9 unchanged(304)". */
    static String counts(Map<FetchOutcome, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (FetchOutcome o : FetchOutcome.values()) {
            int n = counts.getOrDefault(o, 0);
            if (n > 0) parts.add(n + " " + o.label());
        }
        return parts.isEmpty() ? "nothing new" : String.join(", ", parts);
    }

    @BindToRegistry(value = "recompute", lazy = true)
    public Recompute recompute(@BeanInject("resultStore") ResultStore store,
                               @BeanInject("seasonChanges") SeasonChanges changes, @BeanInject("clock") Clock clock,
                               @BeanInject(PodiumMeters.BEAN) PodiumMeters meters) {
        return new Recompute(store, changes, clock, meters::published);
    }

    /** The series rules, validated as they load: a bad file stops start-up naming the file and key. */
    @BindToRegistry(value = "seriesCatalog", lazy = true)
    public SeriesCatalog seriesCatalog(@PropertyInject("podium.config") String config) {
        return SeriesCatalog.load(Path.of(config).resolve("series"));
    }

    /** The Le Mans invitations (config/invitations.yaml; none when the file is absent). */
    @BindToRegistry(value = "invitations", lazy = true)
    public Invitations invitations(@PropertyInject("podium.config") String config,
                                   @BeanInject("seriesCatalog") SeriesCatalog catalog) {
        Path file = Path.of(config).resolve("invitations.yaml");
        return java.nio.file.Files.exists(file) ? Invitations.load(file, catalog) : Invitations.parse("invitations: []\n", file.toString(), catalog);
    }

    /** Team and driver aliases across series (config/aliases.yaml; none when the file is absent). */
    @BindToRegistry(value = "aliases", lazy = true)
    public Aliases aliases(@PropertyInject("podium.config") String config) {
        Path file = Path.of(config).resolve("aliases.yaml");
        return java.nio.file.Files.exists(file) ? Aliases.load(file) : Aliases.none();
    }

    @BindToRegistry(value = "classifier", lazy = true)
    public Classifier classifier(@BeanInject("resultStore") ResultStore store,
                                 @BeanInject("seriesCatalog") SeriesCatalog catalog,
                                 @BeanInject("invitations") Invitations invitations, @BeanInject("aliases") Aliases aliases,
                                 @PropertyInject("podium.config") String config, @BeanInject("clock") Clock clock) {
        // Every adjustments file is read at start-up too: a bad one stops Podium naming it, before a recompute
        // would fail on it; one that no recompute reads (a misspelt series or season) is said so.
        Path adjustments = Path.of(config).resolve("adjustments");
        for (String unread : org.podium.championship.Adjustments.check(adjustments, catalog)) {
            LoggerFactory.getLogger("podium.config").warn("{}", unread);
        }
        return new Classifier(store, catalog, adjustments, invitations, aliases, clock);
    }

    /** Into the Prometheus registry when metrics are on ({@code camel.metrics.enabled}), else kept in memory. */
    @BindToRegistry(value = PodiumMeters.BEAN, lazy = true)
    public PodiumMeters podiumMeters(CamelContext camelContext, @BeanInject("ingestStats") IngestStats stats,
                                     @BeanInject("feedStatus") FeedStatus feeds, @BeanInject("feeds") Feeds configured) {
        MeterRegistry registry = camelContext.getRegistry().findSingleByType(MeterRegistry.class);
        PodiumMeters meters = new PodiumMeters(registry != null ? registry : new SimpleMeterRegistry(), stats,
                configured.enabled().stream().map(org.podium.poll.Feed::id).toList());
        feeds.onPolled(meters::feedPolled);
        meters.deliveryTargets(targets(camelContext).all().stream().map(Target::id).toList(), () -> backlog(camelContext));
        return meters;
    }

    /** Per target, how many deliveries are pending ([0]) and dead ([1]); empty when the store cannot say. */
    static Map<String, long[]> backlog(CamelContext camelContext) {
        Map<String, long[]> out = new java.util.HashMap<>();
        try {
            DeliveryQueue queue = camelContext.getRegistry().lookupByNameAndType("deliveryQueue", DeliveryQueue.class);
            for (DeliveryQueue.Count c : queue.counts()) {
                out.computeIfAbsent(c.targetId(), k -> new long[2])[c.state() == org.podium.delivery.DeliveryState.DEAD ? 1 : 0] += c.count();
            }
        } catch (RuntimeException e) {
            // the store is down: the store's own check says so
        }
        return out;
    }

    // Readiness checks, found by Camel's health registry among the beans (camel.health.registry-enabled).

    @BindToRegistry(value = "storeHealth", lazy = true)
    public StoreHealthCheck storeHealth(CamelContext camelContext,
                                        @PropertyInject("podium.health.store-timeout") long timeoutMs) {
        return new StoreHealthCheck(() -> camelContext.getRegistry().lookupByNameAndType("database", Database.class),
                Duration.ofMillis(timeoutMs));
    }

    @BindToRegistry(value = "inboxHealth", lazy = true)
    public FolderHealthCheck inboxHealth(@PropertyInject("podium.inbox") String inbox) {
        return new FolderHealthCheck("inbox", Path.of(inbox));
    }

    @BindToRegistry(value = "outboxHealth", lazy = true)
    public FolderHealthCheck outboxHealth(@PropertyInject("podium.outbox") String outbox) {
        return new FolderHealthCheck("outbox", Path.of(outbox));
    }

    @BindToRegistry(value = "feedsHealth", lazy = true)
    public FeedsHealthCheck feedsHealth(CamelContext camelContext) {
        return new FeedsHealthCheck(() -> camelContext.getRegistry().lookupByNameAndType("feedStatus", FeedStatus.class),
                feedId -> breakerState(camelContext, feedId));
    }

    @BindToRegistry(value = "deliveriesHealth", lazy = true)
    public DeliveriesHealthCheck deliveriesHealth(CamelContext camelContext) {
        return new DeliveriesHealthCheck(() -> targets(camelContext),
                () -> camelContext.getRegistry().lookupByNameAndType("deliveryQueue", DeliveryQueue.class),
                targetId -> routeBreakerState(camelContext, "deliver-" + targetId));
    }

    /** The state of a feed route's circuit breaker (route poll-<feed id> of {@code routes/1-poll.yaml}), or null. */
    static String breakerState(CamelContext camelContext, String feedId) {
        return routeBreakerState(camelContext, "poll-" + feedId);
    }

    /** The state of the circuit breaker in a route, or null. */
    static String routeBreakerState(CamelContext camelContext, String routeId) {
        org.apache.camel.Route route = camelContext.getRoute(routeId);
        if (route == null) return null;
        for (org.apache.camel.Processor p : route.filter("*")) {
            if (p instanceof ResilienceProcessor breaker) return breaker.getCircuitBreakerState();
        }
        return null;
    }

    /** One route per target, {@code deliver-<targetId>}, from the template of routes/5-deliver.yaml, once the routes are loaded. */
    private static void addDeliveryRoutesOnStart(CamelContext camelContext, Targets targets) throws Exception {
        if (targets.all().isEmpty()) return;
        java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext c, boolean alreadyStarted) {}

            @Override
            public void onCamelContextFullyStarted(CamelContext c, boolean alreadyStarted) throws Exception {
                if (!added.compareAndSet(false, true)) return;
                for (Target t : targets.all()) {
                    String url = t.url().toString();
                    String endpoint = url + (t.url().getRawQuery() == null ? "?" : "&") + "httpMethod=POST"
                            + "&throwExceptionOnFailure=true&followRedirects=false&skipResponseHeaders=true"
                            + "&httpClientConfigurer=#deliveryClient-" + t.id();
                    if (((org.apache.camel.model.ModelCamelContext) c).getRouteTemplateDefinition("deliver-target") == null) {
                        throw new ConfigurationException("config/deliveries.yaml names targets, but the home's routes/ has no "
                                + "deliver-target template (5-deliver.yaml; a home made by an earlier release has none): copy "
                                + "5-deliver.yaml there from a fresh podium init --home <new folder>", null);
                    }
                    org.apache.camel.builder.TemplatedRouteBuilder.builder(c, "deliver-target")
                            .routeId("deliver-" + t.id())
                            .parameter("targetId", t.id())
                            .parameter("endpoint", endpoint)
                            .add();
                    LoggerFactory.getLogger("podium.deliver").info("{}: {} delivered to {}", t.id(),
                            t.kinds().stream().map(org.podium.delivery.DocumentKind::id).toList(), url);
                }
            }
        });
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        this.context = camelContext;
        // Every podium.* value is checked before anything reads it: a bad one stops start-up naming its key.
        Settings.warnUnknown(System.getenv(), System.getProperties());
        Settings.check(camelContext.getPropertiesComponent()::resolveProperty);
        Settings.checkServe(camelContext.getPropertiesComponent()::resolveProperty);
        // config/deliveries.yaml is read now: a bad target stops start-up naming the key (exit 3)
        Targets targets = DeliveriesFile.load(Path.of(camelContext.resolvePropertyPlaceholders("{{podium.deliveries.file}}")),
                name -> System.getenv(name) != null && !System.getenv(name).isBlank() ? System.getenv(name) : System.getProperty(name));
        camelContext.getRegistry().bind(TARGETS, targets);
        for (Target t : targets.all()) camelContext.getRegistry().bind("deliveryClient-" + t.id(), new DeliveryClient(t.timeout()));
        addDeliveryRoutesOnStart(camelContext, targets);
        // The meters exist from the start, so that the first scrape already shows them (at zero).
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {}

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                context.getRegistry().lookupByNameAndType(PodiumMeters.BEAN, PodiumMeters.class);
            }
        });
        // The store's connection pool closes with the context, after the routes have stopped.
        camelContext.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                Database db = camelContext.getRegistry().lookupByNameAndType("database", Database.class);
                if (db != null) db.close();
                // Logged here, inside the stop: on SIGTERM the JVM ends as soon as the context has stopped.
                LoggerFactory.getLogger("podium").info("stopped");
            }
        });
    }
}
