package org.podium.poll;

import org.apache.camel.BeanInject;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.PropertyInject;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.service.ServiceSupport;
import org.podium.championship.SeriesCatalog;
import org.podium.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The poller's beans, and one route per enabled feed made from the {@code feed-poll} template of
 * {@code routes/1-poll.yaml} once the routes are loaded. {@code config/feeds.yaml} is read and validated while
 * Podium starts, so a bad feeds file stops it with the file, key and problem.
 */
public class PollConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger("podium.poll");

    /** The route template each feed's route is made from (routes/1-poll.yaml). */
    public static final String TEMPLATE = "feed-poll";
    /** Whether each feed's route polls it on its cron: true for {@code run}, false for the commands that end by themselves. */
    public static final String SCHEDULED = "podium.poll.scheduled";

    @BindToRegistry(value = "feedStatus", lazy = true)
    public FeedStatus feedStatus() { return new FeedStatus(); }

    @BindToRegistry(value = "feedPoller", lazy = true)
    public FeedPolls feedPoller(@BeanInject("feeds") Feeds feeds, @BeanInject("database") Database db,
                                @BeanInject("feedStatus") FeedStatus status, @BeanInject("clock") Clock clock,
                                @PropertyInject("podium.inbox") String inbox,
                                @PropertyInject("podium.poll.user-agent") String userAgent,
                                @BeanInject("mirrorTarget") MirrorTarget outbox) {
        return new FeedPolls(feeds, new FeedLedger(db.dataSource()), status, new InboxWriter(Path.of(inbox)), outbox, userAgent, clock);
    }

    @Override
    public void configure(CamelContext context) throws Exception {
        clusterQuartz(context);
        Path config = Path.of(context.resolvePropertyPlaceholders("{{podium.config}}"));
        Path file = Path.of(context.resolvePropertyPlaceholders("{{podium.feeds.file}}"));
        Path series = config.resolve("series");
        Feeds feeds = Files.isRegularFile(file)
                ? FeedsFile.load(file, Files.isDirectory(series) ? SeriesCatalog.load(series) : new SeriesCatalog(List.of()))
                : Feeds.none();
        context.getRegistry().bind("feeds", feeds);
        // once, rebuild and demo poll the due feeds themselves, once each: the schedule belongs to run
        if (!Boolean.parseBoolean(context.getPropertiesComponent().resolveProperty(SCHEDULED).orElse("true").strip())) {
            LOG.debug("feed schedule not started: this command polls the feeds that are due itself");
        } else {
            addFeedRoutesOnStart(context, feeds);
        }
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                FeedPolls polls = context.getRegistry().lookupByNameAndType("feedPoller", FeedPolls.class);
                if (polls != null) polls.close();
            }
        });
    }

    private static void addFeedRoutesOnStart(CamelContext context, Feeds feeds) throws Exception {
        AtomicBoolean added = new AtomicBoolean();
        context.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext c, boolean alreadyStarted) { /* routes are added once fully started */ }

            // Called again when a service starts later: the routes are added once.
            @Override
            public void onCamelContextFullyStarted(CamelContext c, boolean alreadyStarted) throws Exception {
                if (added.compareAndSet(false, true)) addFeedRoutes(c, feeds);
            }
        });
    }

    /**
     * With {@code podium.cluster.enabled=true} (several instances on one PostgreSQL database) Quartz
     * keeps its triggers in that database, clustered, so each feed's trigger fires on one instance.
     */
    static void clusterQuartz(CamelContext context) {
        var props = context.getPropertiesComponent();
        if (!Boolean.parseBoolean(props.resolveProperty("podium.cluster.enabled").orElse("false").strip())) return;
        String url = context.resolvePropertyPlaceholders("{{podium.db.url}}");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("podium.cluster.enabled=true needs podium.db.url to name the PostgreSQL "
                    + "database the instances share, was " + url.replaceAll("password=[^&;]*", "password=***"));
        }
        String user = props.resolveProperty("podium.db.user").orElse("");
        String password = props.resolveProperty("podium.db.password").orElse("");
        long checkin = Long.parseLong(props.resolveProperty("podium.cluster.checkin-interval").orElse("5000").strip());
        QuartzCluster.ensureTables(url, user, password);
        context.getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class)
                .setProperties(QuartzCluster.properties(url, user, password, checkin));
        LOG.info("clustered: feed triggers kept in the shared database, each fires on one instance");
    }

    /** One route per enabled feed, {@code poll-<feedId>}, from the template. */
    static void addFeedRoutes(CamelContext context, Feeds feeds) throws Exception {
        if (feeds.enabled().isEmpty()) {
            LOG.info("no enabled feeds in config/feeds.yaml: nothing is polled");
            return;
        }
        for (Feed feed : feeds.enabled()) {
            TemplatedRouteBuilder.builder(context, TEMPLATE)
                    .routeId("poll-" + feed.id())
                    .parameter("feedId", feed.id())
                    .parameter("cron", feed.cron())
                    .parameter("timeZone", feed.timeZone().getId())
                    .add();
            LOG.info("{}: {} feed of {} polled on \"{}\" ({}), next at {}", feed.id(), feed.kind().id(), feed.series(),
                    feed.cron(), feed.timeZone(), FeedStatus.nextFire(feed, Clock.systemUTC().instant()));
        }
    }
}
