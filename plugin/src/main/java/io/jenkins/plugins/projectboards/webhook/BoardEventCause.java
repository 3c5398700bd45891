package io.jenkins.plugins.projectboards.webhook;

import hudson.model.Cause;
import hudson.model.TaskListener;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.BoardEvent;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;

/** "Started by a Planka event: card.moved of card Deploy (Todo → Doing) by alice", linking the card. */
public class BoardEventCause extends Cause {
    private final String connection;
    private final String vendor;
    private final String event;
    private final String vendorEvent;
    private final String board;
    private final String cardId;
    private final String cardTitle;
    private final String cardUrl;
    private final String fromColumn;
    private final String toColumn;
    private final String actor;
    /**
     * Jenkins prints a build's causes one by one, and a cause that N identical events folded into is the same object
     * N times in a row: print it once per log (the build's page says "N times"). The same object is printed again
     * into other logs, e.g. a downstream build's, whose upstream cause holds it.
     */
    private transient volatile Reference<TaskListener> printedTo;

    public BoardEventCause(String connection, BoardEvent event) {
        this.connection = connection;
        this.vendor = event.vendor().displayName();
        this.event = event.type();
        this.vendorEvent = event.vendorEvent();
        this.board = event.boardName() != null ? event.boardName() : event.boardId();
        this.cardId = event.cardId();
        this.cardTitle = event.cardTitle();
        this.cardUrl = event.cardUrl();
        this.fromColumn = event.fromColumn();
        this.toColumn = event.toColumn();
        this.actor = event.actor();
    }

    @Override
    public String getShortDescription() {
        return Messages.BoardEventCause_description(vendor, event, card(), details());
    }

    /** The same line, with the card as a link; once per build however many identical events it stands for. */
    @Override
    public void print(TaskListener listener) {
        Reference<TaskListener> last = printedTo;
        if (last != null && last.get() == listener) {
            return;
        }
        printedTo = new WeakReference<>(listener);
        // http(s) links only (ConsoleLink), also in causes saved by earlier versions
        listener.getLogger().println(Messages.BoardEventCause_description(vendor, event, ConsoleLink.to(cardUrl, card()), details()));
    }

    private String card() {
        return cardTitle != null ? cardTitle : cardId;
    }

    private String details() {
        StringBuilder text = new StringBuilder();
        if (toColumn != null) {
            text.append(" (").append(fromColumn == null ? "" : fromColumn + " \u2192 ").append(toColumn).append(')');
        }
        if (actor != null) {
            text.append(' ').append(Messages.BoardEventCause_by(actor));
        }
        return text.toString();
    }

    public String getConnection() {
        return connection;
    }

    public String getEvent() {
        return event;
    }

    public String getVendorEvent() {
        return vendorEvent;
    }

    public String getBoard() {
        return board;
    }

    public String getCardId() {
        return cardId;
    }

    public String getCardTitle() {
        return cardTitle;
    }

    public String getCardUrl() {
        return cardUrl;
    }

    public String getFromColumn() {
        return fromColumn;
    }

    public String getToColumn() {
        return toColumn;
    }

    public String getActor() {
        return actor;
    }

    /** Distinct events stay distinct causes when Jenkins folds queued builds together. */
    @Override
    public boolean equals(Object other) {
        return other instanceof BoardEventCause that && java.util.Objects.equals(connection, that.connection)
                && java.util.Objects.equals(vendorEvent, that.vendorEvent) && java.util.Objects.equals(cardId, that.cardId)
                && java.util.Objects.equals(fromColumn, that.fromColumn) && java.util.Objects.equals(toColumn, that.toColumn)
                && java.util.Objects.equals(actor, that.actor);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(connection, vendorEvent, cardId, toColumn);
    }
}
