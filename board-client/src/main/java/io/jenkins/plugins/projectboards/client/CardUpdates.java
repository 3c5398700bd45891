package io.jenkins.plugins.projectboards.client;

import io.jenkins.plugins.projectboards.client.http.HttpEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Card updates for vendors without a batch API: each card found, commented and moved through the neutral
 * {@link BoardClient} calls, up to {@code parallelism} cards at a time over the client's one HTTP client. Column
 * lookups hit the client's name cache, so a board's columns are read once.
 */
public final class CardUpdates {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private CardUpdates() {}

    /**
     * The outcomes in the order of {@code updates}; one card failing never stops the others. {@code progress} hears
     * each outcome when its card is done, one call at a time.
     */
    public static List<CardUpdateOutcome> perCard(BoardClient client, List<CardUpdate> updates, int parallelism,
            Consumer<CardUpdateOutcome> progress) {
        return inParallel(updates, parallelism, progress, update -> apply(client, update));
    }

    /**
     * Runs {@code apply} on each update, up to {@code parallelism} at a time, and gives the outcomes in the order of
     * {@code updates}. {@code apply} must turn every {@link BoardException} into an outcome; {@code progress} hears
     * each outcome when its card is done, one call at a time. A vendor with its own way of applying an update (one
     * board read for the whole batch) uses this for the fan-out.
     */
    public static List<CardUpdateOutcome> inParallel(List<CardUpdate> updates, int parallelism, Consumer<CardUpdateOutcome> progress,
            Function<CardUpdate, CardUpdateOutcome> apply) {
        Object reporting = new Object();
        Function<CardUpdate, CardUpdateOutcome> applyAndReport = update -> {
            CardUpdateOutcome outcome = apply.apply(update);
            synchronized (reporting) {
                progress.accept(outcome);
            }
            return outcome;
        };
        if (parallelism <= 1 || updates.size() <= 1) {
            return updates.stream().map(applyAndReport).toList();
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory daemons = task -> {
            Thread thread = new Thread(task, "project-boards-updates-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService executor = Executors.newFixedThreadPool(Math.min(parallelism, updates.size()), daemons);
        try {
            List<Future<CardUpdateOutcome>> futures = new ArrayList<>();
            for (CardUpdate update : updates) {
                // Carried: the retries of this card's calls are told to whoever asked for the updates.
                futures.add(executor.submit(HttpEvents.carry(() -> applyAndReport.apply(update))));
            }
            List<CardUpdateOutcome> outcomes = new ArrayList<>();
            for (Future<CardUpdateOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while updating cards", e);
        } catch (ExecutionException e) {
            // apply turns every BoardException into an outcome; anything else is a bug worth seeing.
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** Finds the card, comments, then moves it; a failure at any point becomes the outcome's error. */
    public static CardUpdateOutcome apply(BoardClient client, CardUpdate update) {
        Card card;
        try {
            card = client.findCard(update.card(), update.board()).orElse(null);
        } catch (BoardException e) {
            return CardUpdateOutcome.failed(update, null, false, e);
        }
        if (card == null) {
            return CardUpdateOutcome.failed(update, null, false, "no card '" + update.card().text() + "'");
        }
        boolean commented = false;
        try {
            if (update.comment() != null) {
                client.comment(card, update.comment());
                commented = true;
            }
            if (update.moveTo() == null) {
                return CardUpdateOutcome.done(update, card, commented, false, card.column().name());
            }
            ColumnRef target = client.resolveColumn(card.board(), update.moveTo());
            if (target.id().equals(card.column().id())) {
                return CardUpdateOutcome.done(update, card, commented, false, card.column().name());
            }
            Card moved = client.moveCard(card, target, Position.BOTTOM);
            return CardUpdateOutcome.done(update, moved, commented, true, card.column().name());
        } catch (BoardException e) {
            return CardUpdateOutcome.failed(update, card, commented, e);
        }
    }
}
