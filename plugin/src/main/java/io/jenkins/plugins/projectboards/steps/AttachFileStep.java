package io.jenkins.plugins.projectboards.steps;

import hudson.Extension;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.projectboards.Messages;
import io.jenkins.plugins.projectboards.client.AttachmentUpload;
import io.jenkins.plugins.projectboards.client.AttachmentUploads;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesRequest;
import io.jenkins.plugins.projectboards.client.ops.AttachFilesResult;
import io.jenkins.plugins.projectboards.connection.BoardConnection;
import io.jenkins.plugins.projectboards.internal.ConsoleLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code attachFile(card: …, file: 'reports/*.html')}: uploads workspace files to a card. Each file is read only while
 * it is sent ({@link FilePath#read()}, streamed from the agent through the controller), checked against the
 * connection's size cap before the first is sent, and not sent again when the card already has it (same name, same
 * size: a re-run). On KE-chain the one file goes into an attachment property of the activity ({@code property}).
 */
public class AttachFileStep extends BoardStep {
    private static final long MIB = 1024L * 1024;

    private final String card;
    private final String file;
    private String name;
    private String property;

    @DataBoundConstructor
    public AttachFileStep(String card, String file) {
        this.card = card;
        this.file = file;
    }

    public String getCard() {
        return card;
    }

    public String getFile() {
        return file;
    }

    /** The attachment's name on the card, for a single file; blank keeps the file's own name. */
    public String getName() {
        return name;
    }

    @DataBoundSetter
    public void setName(String name) {
        this.name = Util.fixEmptyAndTrim(name);
    }

    /**
     * The KE-chain attachment property the file goes into, by name or id; blank: the activity's only one. Refused for
     * the other vendors, whose cards keep their files in one list.
     */
    public String getProperty() {
        return property;
    }

    @DataBoundSetter
    public void setProperty(String property) {
        this.property = Util.fixEmptyAndTrim(property);
    }

    @Override
    public boolean requiresWorkspace() {
        return true;
    }

    /** Without a workspace there is nothing to attach (a freestyle post-build action, or a caller that gave none). */
    @Override
    public StepWork work(UnaryOperator<String> expand) {
        return work(expand, null);
    }

    @Override
    public StepWork work(UnaryOperator<String> expand, FilePath workspace) {
        String cardText = expand.apply(card);
        String glob = Util.fixEmptyAndTrim(expand.apply(file));
        String rename = Util.fixEmptyAndTrim(expand.apply(name));
        String propertyName = Util.fixEmptyAndTrim(expand.apply(property));
        String boardName = expand.apply(getBoard());
        return (connection, run, console) -> {
            if (workspace == null) {
                throw new IllegalArgumentException(Messages.AttachFileStep_noWorkspace());
            }
            List<AttachmentUpload> files = uploads(workspace, glob, rename);
            AttachFilesResult result = operations(connection, run).attachFiles(
                    new AttachFilesRequest(cardText, boardName, propertyName, files, maxFileBytes(connection), isDryRun()));
            String link = ConsoleLink.to(result.card().url(), result.card().id());
            for (AttachFilesResult.AttachedFile attached : result.attachments()) {
                console.line(outcome(attached, result.dryRun(), link));
            }
            return result.toMap();
        };
    }

    /** One file's console line; its size is printed the same in every locale ({@link AttachmentUploads#describeSize}). */
    private static String outcome(AttachFilesResult.AttachedFile attached, boolean dryRun, String link) {
        String fileName = attached.attachment().name();
        String size = AttachmentUploads.describeSize(attached.attachment().size());
        if (attached.field() == null) {
            if (!attached.uploaded()) {
                return Messages.AttachFileStep_alreadyThere(fileName, size, link);
            }
            return dryRun ? Messages.AttachFileStep_wouldAttach(fileName, size, link) : Messages.AttachFileStep_attached(fileName, size, link);
        }
        String property = attached.field().name();
        String replaced = attached.replaced();
        if (!attached.uploaded()) {
            return Messages.AttachFileStep_alreadyInProperty(fileName, size, link, property);
        }
        if (replaced == null) {
            return dryRun ? Messages.AttachFileStep_wouldAttachToProperty(fileName, size, link, property)
                    : Messages.AttachFileStep_attachedToProperty(fileName, size, link, property);
        }
        return dryRun ? Messages.AttachFileStep_wouldAttachReplacing(fileName, size, link, property, replaced)
                : Messages.AttachFileStep_attachedReplacing(fileName, size, link, property, replaced);
    }

    private static long maxFileBytes(BoardConnection connection) {
        return connection.getMaxAttachmentMiB() * MIB;
    }

    /**
     * The workspace files {@code glob} matches, in path order, each measured now and opened only when sent. Two files
     * that would have one name on the card are refused: a re-run could not tell them apart.
     */
    static List<AttachmentUpload> uploads(FilePath workspace, String glob, String rename) throws IOException, InterruptedException {
        if (glob == null) {
            throw new IllegalArgumentException(Messages.AttachFileStep_fileRequired());
        }
        FilePath[] matches = workspace.list(glob);
        Arrays.sort(matches, Comparator.comparing(FilePath::getRemote));
        if (matches.length == 0) {
            throw new IllegalArgumentException(Messages.AttachFileStep_noMatch(glob));
        }
        if (rename != null && matches.length > 1) {
            throw new IllegalArgumentException(Messages.AttachFileStep_nameForOneFile(glob, matches.length));
        }
        List<AttachmentUpload> uploads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (FilePath match : matches) {
            String attachmentName = rename != null ? rename : match.getName();
            if (!names.add(attachmentName)) {
                throw new IllegalArgumentException(Messages.AttachFileStep_sameName(glob, attachmentName));
            }
            uploads.add(new AttachmentUpload(attachmentName, match.length(), () -> open(match)));
        }
        return uploads;
    }

    /** Streams the file from wherever the workspace is; an interrupted read (an aborted build) ends the upload. */
    private static InputStream open(FilePath file) throws IOException {
        try {
            return file.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while opening " + file.getName());
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    @Extension
    @Symbol("attachFile")
    public static class DescriptorImpl extends BoardStepDescriptor {
        @Override
        public String getFunctionName() {
            return "attachFile";
        }

        @Override
        public String getDisplayName() {
            return Messages.AttachFileStep_displayName();
        }

        /** A workspace to read the files from: in a Pipeline, {@code attachFile} runs inside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            return label(namedArgs, "file", "card");
        }

        @POST
        public FormValidation doCheckCard(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.BoardStepDescriptor_cardRequired());
        }

        @POST
        public FormValidation doCheckFile(@AncestorInPath Item item, @QueryParameter String value) {
            return required(item, value, Messages.AttachFileStep_fileRequired());
        }
    }
}
