package io.jenkins.plugins.projectboards.client.failure;

import io.jenkins.plugins.projectboards.client.Links;
import io.jenkins.plugins.projectboards.client.webhook.EventText;

/**
 * The texts of a failure card. Job and build names come from job configuration (a display name can hold anything),
 * so they lose control characters before they reach a board; a build URL is kept only when it is http(s).
 */
public final class FailureCardText {
    private FailureCardText() {}

    /** The card's title. */
    public static String title(JobBuild build) {
        return "Jenkins job " + oneLine(build.job()) + " is broken";
    }

    /** The card's description: which build broke the job, and that this card follows it. */
    public static String description(JobBuild build) {
        return "Jenkins build " + oneLine(build.name()) + " ended " + oneLine(build.result()) + "." + link(build)
                + "\n\nJenkins comments each further broken build here, and comments and moves this card when the job is fixed.";
    }

    /** The first comment, written right after the card is created. */
    public static String opened(JobBuild build) {
        return "Opened for Jenkins build " + oneLine(build.name()) + ": " + oneLine(build.result()) + link(build);
    }

    public static String stillFailing(JobBuild build) {
        return "Still failing in Jenkins build " + oneLine(build.name()) + ": " + oneLine(build.result()) + link(build);
    }

    public static String fixed(JobBuild build) {
        return "Fixed in Jenkins build " + oneLine(build.name()) + ": " + oneLine(build.result()) + link(build);
    }

    private static String link(JobBuild build) {
        String url = Links.web(build.url());
        return url == null ? "" : "\n" + url;
    }

    private static String oneLine(String text) {
        return text == null ? "" : EventText.clean(text).strip();
    }
}
