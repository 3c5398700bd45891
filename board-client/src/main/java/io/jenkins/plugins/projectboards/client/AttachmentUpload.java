package io.jenkins.plugins.projectboards.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file to put on a card, read only while it is sent: the caller says how to open it, and each send opens it again,
 * so a file is never held in memory whole and a second send (after a lost answer) reads it from the start.
 *
 * @param name the attachment's name on the card
 * @param size its exact length in bytes; a source that gives fewer or more bytes fails the send
 * @param source opens the bytes; the upload closes the stream
 */
public record AttachmentUpload(String name, long size, Source source) {

    /** Opens the file's bytes from their start. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public AttachmentUpload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
    }

    @Override
    public String toString() {
        return "AttachmentUpload[" + name + ", " + size + " bytes]";
    }
}
