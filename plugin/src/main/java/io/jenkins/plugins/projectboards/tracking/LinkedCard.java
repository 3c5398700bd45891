package io.jenkins.plugins.projectboards.tracking;

import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.Card;
import io.jenkins.plugins.projectboards.client.Links;
import java.io.Serializable;

/** One card a build touched, and what it did to it; kept with the build. */
public final class LinkedCard implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a build did to a card. The constants' names are saved with every build: never rename them. */
    public enum What {
        CREATED,
        MOVED,
        COMMENTED,
        NOTIFIED,
        RELEASED,
        FAILED;

        /** What happened, in words, for the build's pages. */
        public String getDisplayName() {
            return switch (this) {
                case CREATED -> Messages.LinkedCard_created();
                case MOVED -> Messages.LinkedCard_moved();
                case COMMENTED -> Messages.LinkedCard_commented();
                case NOTIFIED -> Messages.LinkedCard_notified();
                case RELEASED -> Messages.LinkedCard_released();
                case FAILED -> Messages.LinkedCard_failed();
            };
        }
    }

    private final String connection;
    private final String vendor;
    private final String id;
    private final String title;
    private final String url;
    private final What what;
    private final String detail;

    public LinkedCard(String connection, String vendor, String id, String title, String url, What what, String detail) {
        this.connection = connection;
        this.vendor = vendor;
        this.id = id;
        this.title = title;
        this.url = url;
        this.what = what;
        this.detail = detail;
    }

    public static LinkedCard of(String connection, Card card, What what, String detail) {
        return new LinkedCard(connection, card.vendor().displayName(), card.id(), card.title(), card.url(), what, detail);
    }

    public String getConnection() {
        return connection;
    }

    public String getVendor() {
        return vendor;
    }

    /** The card's id, or for a card that could not be found, the text it was named by. */
    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    /** The card's link, or {@code null}: only http(s) links are shown, whatever a build from an older version kept. */
    public String getUrl() {
        return Links.web(url);
    }

    public What getWhat() {
        return what;
    }

    /** E.g. "Ready → Done", or why it failed. */
    public String getDetail() {
        return detail;
    }
}
