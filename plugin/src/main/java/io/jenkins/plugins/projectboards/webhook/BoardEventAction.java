package io.jenkins.plugins.projectboards.webhook;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.projectboards.client.webhook.EventText;

/**
 * The event that started the build, as environment variables: {@code BOARD_EVENT}, {@code BOARD_CARD_ID},
 * {@code BOARD_CARD_TITLE}, {@code BOARD_CARD_URL}, {@code BOARD_FROM_COLUMN}, {@code BOARD_TO_COLUMN},
 * {@code BOARD_ACTOR} (and {@code BOARD_VENDOR_EVENT}, {@code BOARD_NAME}, {@code BOARD_CONNECTION}). When Jenkins
 * folds several events into one queued build, these are the first event's; every event is in the build's causes.
 * The values come from the board's caller: no control characters, at most {@link EventText#MAX_BYTES} each.
 */
public class BoardEventAction extends InvisibleAction implements EnvironmentContributingAction {
    private final BoardEventCause event;

    public BoardEventAction(BoardEventCause event) {
        this.event = event;
    }

    public BoardEventCause getEvent() {
        return event;
    }

    @Override
    public void buildEnvironment(Run<?, ?> run, EnvVars env) {
        put(env, "BOARD_CONNECTION", event.getConnection());
        put(env, "BOARD_EVENT", event.getEvent());
        put(env, "BOARD_VENDOR_EVENT", event.getVendorEvent());
        put(env, "BOARD_NAME", event.getBoard());
        put(env, "BOARD_CARD_ID", event.getCardId());
        put(env, "BOARD_CARD_TITLE", event.getCardTitle());
        put(env, "BOARD_CARD_URL", event.getCardUrl());
        put(env, "BOARD_FROM_COLUMN", event.getFromColumn());
        put(env, "BOARD_TO_COLUMN", event.getToColumn());
        put(env, "BOARD_ACTOR", event.getActor());
    }

    /** Cleaned here too: a cause saved by an earlier version of the plugin may hold control characters. */
    private static void put(EnvVars env, String name, String value) {
        env.put(name, value == null ? "" : EventText.clean(value));
    }
}
