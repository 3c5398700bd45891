package io.jenkins.plugins.projectboards.tracking;

import hudson.model.Result;
import hudson.model.Run;
import hudson.model.User;
import hudson.scm.ChangeLogSet;
import io.jenkins.plugins.projectboards.client.release.BuildSummary;
import io.jenkins.plugins.projectboards.client.release.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.scm.RunWithSCM;
import jenkins.util.SystemProperties;

/** A build as notifications and release tracking see it: its summary and its commits. */
public final class BuildChanges {
    private BuildChanges() {}

    /**
     * The build now: a running build's result is its current one (a Declarative {@code post} section runs before the
     * final result is stored, and a result not yet set means success so far).
     */
    public static BuildSummary summary(Run<?, ?> run, List<Change> changes) {
        Result current = run.getResult();
        Result result = current == null ? Result.SUCCESS : current;
        long millis = run.isBuilding() ? System.currentTimeMillis() - run.getStartTimeInMillis() : run.getDuration();
        return new BuildSummary(run.getFullDisplayName(), url(run), result.toString(), Duration.ofMillis(millis), changes);
    }

    /** The build's own commits, oldest first. */
    public static List<Change> of(Run<?, ?> run) {
        List<Change> changes = new ArrayList<>();
        if (run instanceof RunWithSCM<?, ?> scm) {
            for (ChangeLogSet<? extends ChangeLogSet.Entry> set : scm.getChangeSets()) {
                for (ChangeLogSet.Entry entry : set) {
                    User author = entry.getAuthor();
                    changes.add(new Change(entry.getCommitId(), author == null ? null : author.getFullName(), message(entry)));
                }
            }
        }
        return changes;
    }

    /**
     * The whole commit message. {@link ChangeLogSet.Entry#getMsg()} is only the first line for Git, whose entries
     * keep the whole message in {@code getComment()}; read it where an entry has it, without depending on the Git
     * plugin.
     */
    static String message(ChangeLogSet.Entry entry) {
        try {
            Object comment = entry.getClass().getMethod("getComment").invoke(entry);
            if (comment instanceof String text && !text.isBlank()) {
                return text;
            }
        } catch (ReflectiveOperationException | RuntimeException noFullMessage) {
            // Not a Git entry: the message is all there is.
        }
        return entry.getMsg();
    }

    public static final String LOOKBACK_PROPERTY = "io.jenkins.plugins.projectboards.tracking.lookback";
    static final int DEFAULT_LOOKBACK = 100;

    /**
     * How many builds release tracking looks back at, for the last successful build and for the last release ledger:
     * 100, or the system property {@value #LOOKBACK_PROPERTY}. Each build looked at is loaded from disk, so a job
     * that has not succeeded in thousands of builds must not make every release load them all.
     */
    public static int lookback() {
        return Math.max(1, SystemProperties.getInteger(LOOKBACK_PROPERTY, DEFAULT_LOOKBACK));
    }

    /**
     * The commits of this build and of every build since the last successful one, oldest first; at most
     * {@link #lookback()} builds, this one included.
     */
    public static List<Change> sinceLastSuccess(Run<?, ?> run) {
        List<List<Change>> newestFirst = new ArrayList<>();
        int limit = lookback();
        for (Run<?, ?> build = run; build != null && newestFirst.size() < limit; build = build.getPreviousBuild()) {
            if (build != run && build.getResult() == Result.SUCCESS) {
                break;
            }
            newestFirst.add(of(build));
        }
        Collections.reverse(newestFirst);
        return newestFirst.stream().flatMap(List::stream).toList();
    }

    /** The build's page, or {@code null} when Jenkins has no URL configured. */
    static String url(Run<?, ?> run) {
        try {
            return run.getAbsoluteUrl();
        } catch (IllegalStateException noRootUrl) {
            return null;
        }
    }
}
