package fr.hubag.sessions.infra;

import fr.hubag.sessions.config.WebhookSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the webhook feed then the worker every {@code hub.sessions.webhooks.poll}, one round at a time in this
 * instance (other instances are kept apart by the feed's locked checkpoint and the worker's SKIP LOCKED claims).
 */
@ApplicationScoped
public class WebhookLoop {

    private static final Logger LOG = Logger.getLogger(WebhookLoop.class);

    private final WebhookFeed feed;
    private final WebhookWorker worker;
    private final WebhookSettings settings;
    private final Vertx vertx;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile long timer = -1;

    public WebhookLoop(WebhookFeed feed, WebhookWorker worker, WebhookSettings settings, Vertx vertx) {
        this.feed = feed;
        this.worker = worker;
        this.settings = settings;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent start) {
        if (!settings.enabled()) {
            return;
        }
        feed.start().subscribe().with(
                ready -> timer = vertx.setPeriodic(settings.poll().toMillis(), id -> round()),
                failure -> LOG.error("webhook feed could not start", failure));
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round: new events into deliveries, then the due deliveries sent. */
    public Uni<Integer> runOnce() {
        return feed.poll().chain(worker::sendDue);
    }

    private void round() {
        if (!busy.compareAndSet(false, true)) {
            return;
        }
        runOnce().onTermination().invoke(() -> busy.set(false)).subscribe().with(
                sent -> { },
                failure -> LOG.warnf(failure, "webhook round failed; next round in %s", settings.poll()));
    }
}
